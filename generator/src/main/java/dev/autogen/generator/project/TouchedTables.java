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
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.op.RenameTable;
import dev.autogen.op.RunCallback;
import dev.autogen.op.SetComment;
import dev.autogen.op.SetRowLevelSecurity;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables a plan changes, so that what a migration says about tables (the tenant-column hints) is about the tables
 * that migration touches, not every table of the model again in every revision.
 */
final class TouchedTables {
    private TouchedTables() {
    }

    static Set<String> of(List<Operation> plan) {
        Set<String> tables = new TreeSet<>();
        for (Operation operation : plan) {
            tables.addAll(of(operation));
        }
        return tables;
    }

    private static List<String> of(Operation operation) {
        return switch (operation) {
            case CreateTable op -> List.of(op.table().name());
            case DropTable op -> List.of(op.name());
            case RenameTable op -> List.of(op.from(), op.to());
            case AddColumn op -> List.of(op.table());
            case DropColumn op -> List.of(op.table());
            case AlterColumn op -> List.of(op.table());
            case RenameColumn op -> List.of(op.table());
            case CreateIndex op -> List.of(op.table());
            case DropIndex op -> List.of(op.table());
            case AddPrimaryKey op -> List.of(op.table());
            case DropPrimaryKey op -> List.of(op.table());
            case AddForeignKey op -> List.of(op.table());
            case DropForeignKey op -> List.of(op.table());
            case AddUniqueConstraint op -> List.of(op.table());
            case DropUniqueConstraint op -> List.of(op.table());
            case AddCheckConstraint op -> List.of(op.table());
            case DropCheckConstraint op -> List.of(op.table());
            case SetRowLevelSecurity op -> List.of(op.table());
            case CreatePolicy op -> List.of(op.table());
            case DropPolicy op -> List.of(op.table());
            case SetComment op -> List.of(op.table());
            case CreateSequence op -> List.of();
            case DropSequence op -> List.of();
            case AlterSequence op -> List.of();
            case CreateEnumType op -> List.of();
            case DropEnumType op -> List.of();
            case AlterEnumType op -> List.of();
            case ExecuteSql op -> List.of();
            case ExecuteDialectSql op -> List.of();
            case Backfill op -> List.of(op.table());
            case RunCallback op -> List.of();
        };
    }
}
