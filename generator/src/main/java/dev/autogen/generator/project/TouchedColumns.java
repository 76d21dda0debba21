package dev.autogen.generator.project;

import dev.autogen.op.AddCheckConstraint;
import dev.autogen.op.AddColumn;
import dev.autogen.op.AddForeignKey;
import dev.autogen.op.AddPrimaryKey;
import dev.autogen.op.AddUniqueConstraint;
import dev.autogen.op.AlterColumn;
import dev.autogen.op.AlterEnumType;
import dev.autogen.op.AlterSequence;
import dev.autogen.op.Backfill;
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
import dev.autogen.schema.IndexColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What an operation changes, at the finest grain two branches can safely share: a column of a table, a named part of
 * a table (an index, a constraint, a policy), or a whole object (a created, dropped or renamed table, a sequence, an
 * enum type). {@code autogen rebase} puts one branch's revisions after the other's only when no touch of one overlaps a
 * touch of the other: two branches that each add a column to {@code users} rebase; two that alter the same column, or
 * one that drops a table the other alters, must be merged and reconciled by a person.
 */
final class TouchedColumns {
    private static final String WHOLE = "*";

    /** Every touch of an operation autogen cannot see into (raw SQL, a Java callback): it overlaps everything. */
    static final Touch OPAQUE = new Touch("*", WHOLE);

    /** {@code part} is {@code column email}, {@code index ix_x} and the like, or {@code *} for the whole object. */
    record Touch(String object, String part) {
        private static final String TABLE = "table ";

        /** The table this touches, if it is one. */
        Optional<String> table() {
            return object.startsWith(TABLE) ? Optional.of(object.substring(TABLE.length()))
                    : Optional.empty();
        }

        boolean overlaps(Touch other) {
            return this.equals(OPAQUE) || other.equals(OPAQUE) || object.equals(other.object)
                    && (part.equals(WHOLE) || other.part.equals(WHOLE) || part.equals(other.part));
        }

        /** {@code table users, column email}, {@code table users}, {@code sequence seq}. */
        String describe() {
            if (equals(OPAQUE)) {
                return "raw SQL or Java that autogen cannot see into";
            }
            return part.equals(WHOLE) ? object : object + ", " + part;
        }
    }

    private TouchedColumns() {
    }

    static List<Touch> of(List<Operation> plan) {
        List<Touch> touches = new ArrayList<>();
        for (Operation operation : plan) {
            touches.addAll(of(operation));
        }
        return touches;
    }

    private static List<Touch> of(Operation operation) {
        return switch (operation) {
            case CreateTable op -> whole("table " + op.table().name());
            case DropTable op -> whole("table " + op.name());
            case RenameTable op -> Stream.concat(whole("table " + op.from()).stream(),
                    whole("table " + op.to()).stream()).toList();
            case AddColumn op -> columns(op.table(), List.of(op.column().name()));
            case DropColumn op -> columns(op.table(), List.of(op.name()));
            case AlterColumn op -> columns(op.table(), List.of(op.name()));
            case RenameColumn op -> columns(op.table(), List.of(op.from(), op.to()));
            case CreateIndex op -> part(op.table(), "index " + op.index().name(),
                    op.index().columns().stream().map(IndexColumn::name).toList());
            case DropIndex op -> part(op.table(), "index " + op.name(), op.previous() == null ? List.of()
                    : op.previous().columns().stream().map(IndexColumn::name).toList());
            case AddPrimaryKey op -> part(op.table(), "primary key", op.primaryKey().columns());
            case DropPrimaryKey op -> part(op.table(), "primary key",
                    op.previous() == null ? List.of() : op.previous().columns());
            case AddForeignKey op -> part(op.table(), "foreign key " + op.foreignKey().name(),
                    op.foreignKey().columns());
            case DropForeignKey op -> part(op.table(), "foreign key " + op.name(),
                    op.previous() == null ? List.of() : op.previous().columns());
            case AddUniqueConstraint op -> part(op.table(), "unique " + op.constraint().name(),
                    op.constraint().columns());
            case DropUniqueConstraint op -> part(op.table(), "unique " + op.name(),
                    op.previous() == null ? List.of() : op.previous().columns());
            case AddCheckConstraint op -> part(op.table(), "check " + op.constraint().name(), List.of());
            case DropCheckConstraint op -> part(op.table(), "check " + op.name(), List.of());
            case SetRowLevelSecurity op -> part(op.table(), "row-level security", List.of());
            case CreatePolicy op -> part(op.table(), "policy " + op.policy().name(), List.of());
            case DropPolicy op -> part(op.table(), "policy " + op.name(), List.of());
            case SetComment op -> part(op.table(), "comment", List.of());
            case CreateSequence op -> whole("sequence " + op.sequence().name());
            case DropSequence op -> whole("sequence " + op.name());
            case AlterSequence op -> whole("sequence " + op.sequence().name());
            case CreateEnumType op -> whole("type " + op.enumType().name());
            case DropEnumType op -> whole("type " + op.name());
            case AlterEnumType op -> whole("type " + op.enumType().name());
            case ExecuteSql op -> List.of(OPAQUE);
            case ExecuteDialectSql op -> List.of(OPAQUE);
            case RunCallback op -> List.of(OPAQUE);
            case ForEachTenant op -> List.of(OPAQUE);
            case Backfill op -> whole("table " + op.table());
        };
    }

    private static List<Touch> whole(String object) {
        return List.of(new Touch(object, WHOLE));
    }

    private static List<Touch> columns(String table, List<String> columns) {
        return columns.stream().map(column -> new Touch("table " + table, "column " + column)).toList();
    }

    /** A named part of a table, and the columns it covers (an index on a column another branch drops overlaps it). */
    private static List<Touch> part(String table, String name, List<String> columns) {
        List<Touch> touches = new ArrayList<>(columns(table, columns));
        touches.add(new Touch("table " + table, name));
        return touches;
    }
}
