package dev.autogen.migrate;

import dev.autogen.op.AddCheckConstraint;
import dev.autogen.op.Backfill;
import dev.autogen.op.AddColumn;
import dev.autogen.op.AddForeignKey;
import dev.autogen.op.AddPrimaryKey;
import dev.autogen.op.AddUniqueConstraint;
import dev.autogen.op.AlterColumn;
import dev.autogen.op.AlterEnumType;
import dev.autogen.op.AlterSequence;
import dev.autogen.op.CreateEnumType;
import dev.autogen.op.CreateIndex;
import dev.autogen.op.CreatePolicy;
import dev.autogen.op.CreateSequence;
import dev.autogen.op.CreateTable;
import dev.autogen.op.DropCheckConstraint;
import dev.autogen.op.DropColumn;
import dev.autogen.op.DropEnumType;
import dev.autogen.op.DropForeignKey;
import dev.autogen.op.DropIndex;
import dev.autogen.op.DropPolicy;
import dev.autogen.op.DropPrimaryKey;
import dev.autogen.op.DropSequence;
import dev.autogen.op.DropTable;
import dev.autogen.op.DropUniqueConstraint;
import dev.autogen.op.ExecuteDialectSql;
import dev.autogen.op.ExecuteSql;
import dev.autogen.op.ForEachTenant;
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.op.RenameTable;
import dev.autogen.op.RunCallback;
import dev.autogen.op.SetComment;
import dev.autogen.op.SetRowLevelSecurity;
import dev.autogen.schema.Column;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Refuses an operation whose index or key names a column its table does not have, before it runs. PostgreSQL refuses
 * such an operation itself; SQLite does not always: its double-quoted-string fallback reads an unknown
 * {@code "column"} in {@code CREATE INDEX} as the string {@code 'column'} and builds an index on a constant, and
 * sqlite-jdbc has no setting to switch that off. Checking against the schema just before the operation (the live
 * one inside the revision's transaction, or the replay of an offline script) makes both databases refuse the same
 * mistakes.
 */
public final class ColumnReferences {
    private ColumnReferences() {
    }

    /**
     * @throws IllegalStateException naming the operation, the table and the missing column(s)
     */
    public static void requireExisting(Operation operation, Schema before) {
        List<String> missing = switch (operation) {
            case CreateTable op -> {
                List<String> names = op.table().columns().stream().map(Column::name).toList();
                List<String> referenced = new ArrayList<>();
                op.table().indexes().forEach(index -> referenced.addAll(indexColumns(index)));
                op.table().uniqueConstraints().forEach(unique -> referenced.addAll(unique.columns()));
                op.table().foreignKeys().forEach(fk -> referenced.addAll(fk.columns()));
                if (op.table().primaryKey() != null) {
                    referenced.addAll(op.table().primaryKey().columns());
                }
                yield absent(names, referenced);
            }
            case CreateIndex op -> absentIn(before, op.table(), indexColumns(op.index()));
            case AddPrimaryKey op -> absentIn(before, op.table(), op.primaryKey().columns());
            case AddUniqueConstraint op -> absentIn(before, op.table(), op.constraint().columns());
            case AddForeignKey op -> foreignKey(before, op.table(), op.foreignKey());
            case DropTable op -> List.of();
            case RenameTable op -> List.of();
            case AddColumn op -> List.of();
            case DropColumn op -> List.of();
            case AlterColumn op -> List.of();
            case RenameColumn op -> List.of();
            case DropIndex op -> List.of();
            case DropPrimaryKey op -> List.of();
            case DropForeignKey op -> List.of();
            case DropUniqueConstraint op -> List.of();
            case AddCheckConstraint op -> List.of();
            case DropCheckConstraint op -> List.of();
            case CreateSequence op -> List.of();
            case DropSequence op -> List.of();
            case AlterSequence op -> List.of();
            case SetRowLevelSecurity op -> List.of();
            case CreatePolicy op -> List.of();
            case DropPolicy op -> List.of();
            case SetComment op -> List.of();
            case CreateEnumType op -> List.of();
            case DropEnumType op -> List.of();
            case AlterEnumType op -> List.of();
            case ExecuteSql op -> List.of();
            case ExecuteDialectSql op -> List.of();
            case Backfill op -> List.of();
            case RunCallback op -> List.of();
            case ForEachTenant op -> List.of();
        };
        if (!missing.isEmpty()) {
            throw new IllegalStateException(operation.getClass().getSimpleName() + " names "
                    + (missing.size() == 1 ? "a column that does not exist: " : "columns that do not exist: ")
                    + String.join(", ", missing) + " — fix the column names in the migration");
        }
    }

    private static List<String> indexColumns(Index index) {
        return index.columns().stream().map(IndexColumn::name).toList();
    }

    private static List<String> foreignKey(Schema before, String table, ForeignKey foreignKey) {
        List<String> missing = new ArrayList<>(absentIn(before, table, foreignKey.columns()));
        missing.addAll(absentIn(before, foreignKey.referencedTable(), foreignKey.referencedColumns()));
        return missing;
    }

    /** {@code table.column} for each of {@code columns} the table lacks; nothing when the table is not there. */
    private static List<String> absentIn(Schema before, String table, List<String> columns) {
        Optional<Table> found = before.table(table);
        if (found.isEmpty()) {
            return List.of(); // the database names the missing table itself
        }
        return absent(found.get().columns().stream().map(Column::name).toList(), columns).stream()
                .map(column -> table + "." + column).toList();
    }

    /** Column names are compared as SQLite compares them: ASCII case-insensitively. */
    private static List<String> absent(List<String> names, List<String> referenced) {
        return referenced.stream().filter(column -> names.stream().noneMatch(column::equalsIgnoreCase)).distinct()
                .toList();
    }
}
