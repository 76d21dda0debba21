package dev.autogen.hazard;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.op.Operation;
import java.util.Objects;

/**
 * One hazard of one operation of a revision's upgrade that nobody acknowledged: what {@code autogen lint} reports.
 *
 * @param revision  the revision holding it
 * @param index     the operation's position in the upgrade (0-based)
 * @param operation the operation
 * @param hazard    the hazard ({@link Hazard#alternative()} is the safe way, when there is one)
 */
public record LintFinding(LoadedMigration revision, int index, Operation operation, Hazard hazard) {
    public LintFinding {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(hazard, "hazard");
    }
}
