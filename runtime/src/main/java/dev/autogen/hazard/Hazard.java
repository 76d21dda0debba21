package dev.autogen.hazard;

import java.util.Objects;

/**
 * One hazard of one operation on one dialect, decided by {@link Hazards}. Printers ({@code -m}, {@code diff},
 * {@code show}, {@code lint}, {@code downgrade}, the migration's comments) render these and decide nothing.
 *
 * @param kind        what can go wrong
 * @param table       the table it happens to (possibly schema-qualified), or null for an object that is not a table
 *                    (a sequence, an enum type)
 * @param why         one sentence naming the object and the mechanism, e.g. "drops column users.phone and its values"
 * @param alternative the safe way to get the same change, or null when there is none to offer
 */
public record Hazard(HazardKind kind, String table, String why, String alternative) {
    public Hazard {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(why, "why");
    }

    public Hazard(HazardKind kind, String table, String why) {
        this(kind, table, why, null);
    }

    /** {@code DATA_LOSS: drops column users.phone and its values} (the line printers show). */
    public String line() {
        return kind + ": " + why;
    }
}
