package dev.autogen.migrate;

import java.util.Locale;

/**
 * How concurrent runners on PostgreSQL (and servers that speak its protocol) are serialised ({@code --lock}). SQLite
 * always uses its own write lock, whatever is chosen.
 */
public enum MigrationLockKind {
    /** A session advisory lock ({@code pg_advisory_lock}): nothing is left behind by a killed runner. The default. */
    ADVISORY,
    /**
     * A lease: a row in {@code autogen_lock} with an owner and an expiry, taken when free or expired, renewed by a
     * thread while the run lasts, deleted at the end. For servers whose advisory lock is missing or a stub
     * (CockroachDB) or proxies that do not keep sessions; a killed runner's lease is taken over once it expires.
     */
    LEASE;

    /** {@code advisory} or {@code lease}, as {@code --lock} spells it. */
    public static MigrationLockKind parse(String text) {
        for (MigrationLockKind kind : values()) {
            if (kind.name().equalsIgnoreCase(text.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown lock '" + text + "': use advisory or lease");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
