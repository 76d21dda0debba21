package dev.autogen.hazard;

import java.util.Objects;

/**
 * One hazard of one operation on one dialect, decided by {@link Hazards}. Printers ({@code -m}, {@code diff},
 * {@code show}, {@code lint}, {@code downgrade}, the migration's comments) render these and decide nothing.
 *
 * @param kind          what can go wrong
 * @param table         the table it happens to (possibly schema-qualified), or null for an object that is not a table
 *                      (a sequence, an enum type)
 * @param why           one sentence naming the object and the mechanism, e.g. "drops column users.phone and its
 *                      values"
 * @param alternative   the safe way to get the same change, or null when there is none to offer
 * @param informational reported but never gating ({@link MigrationLint} skips it): a fact of the database that no
 *                      migration can avoid, such as MariaDB committing each DDL statement on its own
 */
public record Hazard(HazardKind kind, String table, String why, String alternative, boolean informational) {
    public Hazard {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(why, "why");
    }

    public Hazard(HazardKind kind, String table, String why, String alternative) {
        this(kind, table, why, alternative, false);
    }

    public Hazard(HazardKind kind, String table, String why) {
        this(kind, table, why, null, false);
    }

    /**
     * {@code DATA_LOSS: drops column users.phone and its values} (the line printers show); an informational one says
     * so: {@code NOT_TRANSACTIONAL (informational): ...}.
     */
    public String line() {
        return kind + (informational ? " (informational)" : "") + ": " + why;
    }
}
