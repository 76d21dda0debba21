package dev.autogen.test;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.op.AddCheckConstraint;
import dev.autogen.op.AddColumn;
import dev.autogen.op.AddForeignKey;
import dev.autogen.op.AddPrimaryKey;
import dev.autogen.op.AddUniqueConstraint;
import dev.autogen.op.AlterColumn;
import dev.autogen.op.AlterEnumType;
import dev.autogen.op.Backfill;
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
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.op.RenameTable;
import dev.autogen.op.RunCallback;
import dev.autogen.op.SetComment;
import dev.autogen.op.SetRowLevelSecurity;

/**
 * Which revisions must also run on a database holding rows: data migrations (SQL or Java of the author's own) and the
 * schema changes whose outcome depends on the rows (a column's type or nullability altered, a {@code NOT NULL} column
 * added without a default), none of which an empty database exercises. An exhaustive switch, so that a new operation
 * (a backfill) must be classified here before the kit compiles.
 */
final class DataOperations {
    private DataOperations() {
    }

    static boolean needsRows(LoadedMigration migration) {
        return migration.upgradeOperations().stream().anyMatch(DataOperations::needsRows);
    }

    static boolean needsRows(Operation operation) {
        return switch (operation) {
            case ExecuteSql sql -> true;
            case ExecuteDialectSql sql -> true;
            case Backfill backfill -> true;
            case RunCallback callback -> true;
            case dev.autogen.op.ForEachTenant step -> true;
            case CreateTable op -> false;
            case DropTable op -> false;
            case RenameTable op -> false;
            case AddColumn op -> !op.column().nullable() && op.column().defaultValue() == null
                    && !op.column().identity();
            case DropColumn op -> false;
            case AlterColumn op -> true;
            case RenameColumn op -> false;
            case CreateIndex op -> false;
            case DropIndex op -> false;
            case AddPrimaryKey op -> false;
            case DropPrimaryKey op -> false;
            case AddForeignKey op -> false;
            case DropForeignKey op -> false;
            case AddUniqueConstraint op -> false;
            case DropUniqueConstraint op -> false;
            case AddCheckConstraint op -> false;
            case DropCheckConstraint op -> false;
            case CreateSequence op -> false;
            case DropSequence op -> false;
            case AlterSequence op -> false;
            case SetRowLevelSecurity op -> false;
            case CreatePolicy op -> false;
            case DropPolicy op -> false;
            case SetComment op -> false;
            case CreateEnumType op -> false;
            case DropEnumType op -> false;
            case AlterEnumType op -> false;
        };
    }
}
