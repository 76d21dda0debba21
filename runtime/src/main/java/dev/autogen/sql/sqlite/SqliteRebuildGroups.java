package dev.autogen.sql.sqlite;

import dev.autogen.migrate.SchemaInterpreter;
import dev.autogen.op.AddCheckConstraint;
import dev.autogen.op.AddForeignKey;
import dev.autogen.op.AddPrimaryKey;
import dev.autogen.op.AddUniqueConstraint;
import dev.autogen.op.AlterColumn;
import dev.autogen.op.DropCheckConstraint;
import dev.autogen.op.DropForeignKey;
import dev.autogen.op.DropPrimaryKey;
import dev.autogen.op.DropUniqueConstraint;
import dev.autogen.op.Operation;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs of operations that each rebuild the same SQLite table, done by one rebuild. A revision that changes two columns
 * of a table (two {@code alterColumn}s) would otherwise copy every row twice, and a table of a million rows makes that
 * the revision's whole cost. Only operations that keep the table's set of columns are grouped (column changes and
 * keys or constraints added or dropped): the one rebuild copies the columns both definitions share, by name, so a
 * column dropped and added again under the same name must never be in one group (it would keep the old values).
 */
public final class SqliteRebuildGroups {
    private SqliteRebuildGroups() {
    }

    /** {@code operations} in order, consecutive rebuilds of one table together; every other operation alone. */
    public static List<List<Operation>> of(List<? extends Operation> operations) {
        List<List<Operation>> groups = new ArrayList<>();
        List<Operation> run = new ArrayList<>();
        String runTable = null;
        for (Operation operation : operations) {
            Optional<String> table = groupableTable(operation);
            if (table.isPresent() && table.get().equals(runTable)) {
                run.add(operation);
                continue;
            }
            if (!run.isEmpty()) {
                groups.add(List.copyOf(run));
                run.clear();
            }
            run.add(operation);
            runTable = table.orElse(null);
        }
        if (!run.isEmpty()) {
            groups.add(List.copyOf(run));
        }
        return List.copyOf(groups);
    }

    /**
     * The statements of one rebuild that performs every operation of {@code group} (a group {@link #of} made, of two
     * or more operations) on the table as {@code before} has it.
     */
    public static List<Statement> render(List<Operation> group, Schema before) {
        String table = groupableTable(group.getFirst()).orElseThrow(() -> new IllegalArgumentException(
                "not a rebuild: " + group.getFirst()));
        Schema after = SchemaInterpreter.applyAll(before, group);
        return SqliteTableRebuild.between(table, before, after, "the operations " + group);
    }

    /** The table {@code operation} rebuilds without adding or removing a column, or empty. */
    private static Optional<String> groupableTable(Operation operation) {
        String table = null;
        if (operation instanceof AlterColumn op) {
            table = op.table();
        } else if (operation instanceof AddPrimaryKey op) {
            table = op.table();
        } else if (operation instanceof DropPrimaryKey op) {
            table = op.table();
        } else if (operation instanceof AddForeignKey op) {
            table = op.table();
        } else if (operation instanceof DropForeignKey op) {
            table = op.table();
        } else if (operation instanceof AddUniqueConstraint op) {
            table = op.table();
        } else if (operation instanceof DropUniqueConstraint op) {
            table = op.table();
        } else if (operation instanceof AddCheckConstraint op) {
            table = op.table();
        } else if (operation instanceof DropCheckConstraint op) {
            table = op.table();
        }
        return Optional.ofNullable(table);
    }
}
