package dev.autogen.generator.cli;

import dev.autogen.generator.config.DatabaseException;
import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.project.Project;
import dev.autogen.hazard.RowsAtRisk;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.sql.DdlRenderer;
import java.sql.Connection;
import java.sql.SQLException;
import dev.autogen.generator.diff.OperationText;
import dev.autogen.generator.project.ConsoleRenamePrompt;
import dev.autogen.hazard.Hazard;
import dev.autogen.hazard.HazardKind;
import dev.autogen.hazard.Hazards;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.op.Operation;
import dev.autogen.sql.Dialect;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a downgrade is about to cost, said before it runs: the hazards of every revision's {@code downgrade()} that
 * will run (the same {@link Hazards} as upgrades), and a refusal when one of them loses data, unless
 * {@code --allow-data-loss} is given or someone at a terminal answers yes. A downgrade is usually run in a hurry,
 * which is when a dropped column full of user data goes unnoticed.
 */
final class DowngradeHazards {
    private DowngradeHazards() {
    }

    /**
     * Before {@code downgrade target} on the project's database: the revisions it will revert, and whether their drops
     * would lose data there now ({@link RowsAtRisk}; a table or column that holds nothing needs no confirmation).
     */
    static void confirm(Project project, Migrator migrator, String target, boolean allowDataLoss, PrintWriter out) {
        List<LoadedMigration> path = migrator.graph().downgradePath(migrator.current(), target);
        try (Connection connection = project.connections().open()) {
            if (project.settings().schema() != null && project.dialect() == Dialect.POSTGRESQL) {
                try (var statement = connection.createStatement()) {
                    statement.execute("set search_path to " + DdlRenderer.quoteIdentifier(project.settings().schema()));
                }
            }
            confirm(path, project.dialect(), allowDataLoss, out, operation -> RowsAtRisk.atRisk(connection, operation));
        } catch (SQLException e) {
            throw new DatabaseException("cannot read " + project.settings().displayUrl() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Before a downgrade of several schemas: each reverts by its own version rows, so with a relative target
     * ({@code -N}) any revision may be among those reverted, and every drop counts as losing data (not probed).
     */
    static void confirmForSchemas(Project project, String target, boolean allowDataLoss, PrintWriter out) {
        confirmForTargets(project.migrations(), project.dialect(), target, allowDataLoss, out);
    }

    /**
     * As {@link #confirmForSchemas}, for many targets ({@code --targets}): the revisions a downgrade to {@code target}
     * could revert anywhere, read from the migrations alone, every data-losing one taken as losing data.
     */
    static void confirmForTargets(List<LoadedMigration> migrations, Dialect dialect, String target,
            boolean allowDataLoss, PrintWriter out) {
        RevisionGraph graph = new RevisionGraph(migrations);
        confirm(target.startsWith("-") ? graph.inOrder().reversed() : graph.downgradePath(graph.heads(), target),
                dialect, allowDataLoss, out, operation -> true);
    }

    /**
     * Prints the hazards of reverting {@code path} (newest first) on {@code dialect}, then returns when it may run.
     *
     * @param atRisk whether a data-losing operation would lose anything on the database now ({@link
     *               dev.autogen.hazard.RowsAtRisk}; always true where the database cannot be asked)
     * @throws UsageException (exit 2) naming the first data-losing operation and {@code --allow-data-loss}, when data
     *                        would be lost and nobody allowed it
     */
    private static void confirm(List<LoadedMigration> path, Dialect dialect, boolean allowDataLoss, PrintWriter out,
                        Predicate<Operation> atRisk) {
        List<String> lines = new ArrayList<>();
        String firstLoss = null;
        for (LoadedMigration revision : path) {
            List<Operation> operations;
            try {
                operations = revision.downgradeOperations();
            } catch (RuntimeException e) {
                continue; // an irreversible revision: the migrator refuses it with its own message
            }
            List<List<Hazard>> hazards = Hazards.of(operations, dialect);
            for (int i = 0; i < operations.size(); i++) {
                for (Hazard hazard : hazards.get(i)) {
                    String where = revision.id() + " (" + revision.simpleName() + ") "
                            + OperationText.line(operations.get(i));
                    lines.add("  ! " + where + ": " + hazard.line());
                    if (hazard.kind() == HazardKind.DATA_LOSS && firstLoss == null && !allowDataLoss
                            && atRisk.test(operations.get(i))) {
                        firstLoss = "reverting revision " + where + " " + hazard.why();
                    }
                }
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        out.println("Hazards of this downgrade:");
        lines.forEach(out::println);
        out.flush();
        if (firstLoss == null || allowDataLoss) {
            return;
        }
        String refusal = firstLoss + ": pass --allow-data-loss to revert anyway";
        boolean confirmed = ConsoleRenamePrompt.interactive()
                .map(prompt -> prompt.confirm("This downgrade loses data. Revert anyway? [y/N] "))
                .orElse(false);
        if (!confirmed) {
            throw new UsageException(refusal);
        }
    }
}
