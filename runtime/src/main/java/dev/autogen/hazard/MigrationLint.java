package dev.autogen.hazard;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.op.Operation;
import dev.autogen.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The gate a reviewer opens: every hazard ({@link Hazards}) of the upgrades of the given revisions that is neither
 * acknowledged on its operation ({@code .acknowledge(KIND, "reason")}) nor of a kind the team accepts everywhere, nor
 * {@linkplain Hazard#informational() informational}.
 * Only upgrades are linted: a downgrade's data loss is confirmed when it runs ({@code downgrade --allow-data-loss}).
 * It reads loaded migrations only, so the CLI, a build plugin or a test can run it with no database.
 */
public final class MigrationLint {
    private MigrationLint() {
    }

    /**
     * The unacknowledged hazards of {@code revisions}' upgrades on {@code dialect}, in revision and operation order.
     *
     * @param accepted kinds accepted everywhere (configuration {@code lint.accept})
     * @throws RuntimeException what a migration's {@code upgrade} throws (a blank acknowledgement reason, ...)
     */
    public static List<LintFinding> of(List<LoadedMigration> revisions, Dialect dialect, Set<HazardKind> accepted) {
        List<LintFinding> findings = new ArrayList<>();
        for (LoadedMigration revision : revisions) {
            SchemaChanges changes = revision.upgradeChanges();
            List<Operation> operations = changes.operations();
            List<List<Hazard>> hazards = Hazards.of(operations, dialect, changes.onlineOperations());
            for (int i = 0; i < operations.size(); i++) {
                List<Acknowledgement> acknowledged = changes.acknowledgementsOf(i);
                for (Hazard hazard : hazards.get(i)) {
                    if (!hazard.informational() && !accepted.contains(hazard.kind())
                            && acknowledged.stream().noneMatch(a -> a.covers(hazard))) {
                        findings.add(new LintFinding(revision, i, operations.get(i), hazard));
                    }
                }
            }
        }
        return List.copyOf(findings);
    }
}
