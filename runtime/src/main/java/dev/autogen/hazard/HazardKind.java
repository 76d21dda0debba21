package dev.autogen.hazard;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What can go wrong when an operation runs against a database that holds data and serves a running application. The
 * kinds are the vocabulary of reviews, of {@code autogen lint} and of acknowledgements
 * ({@code .acknowledge(DATA_LOSS, "why")}), so each names one consequence a reviewer decides about, not a statement.
 */
public enum HazardKind {
    /** Rows or values are deleted or may be cut (a drop, a narrowing type change). */
    DATA_LOSS,
    /** The table is copied or rewritten: work and disk space that grow with the table. */
    TABLE_REWRITE,
    /** PostgreSQL's ACCESS EXCLUSIVE lock is held for work that grows with the table: even reads wait. */
    BLOCKS_READS,
    /** Writers wait for work that grows with the table (PostgreSQL SHARE / SHARE ROW EXCLUSIVE, SQLite's write lock). */
    BLOCKS_WRITES,
    /** Every existing row is read to validate it. */
    SCANS_TABLE,
    /** The application version still deployed fails against the new schema (a name it maps is gone or renamed). */
    BREAKS_RUNNING_APP,
    /** Part of it cannot be rolled back with the rest of the revision, or takes effect only after commit. */
    NOT_TRANSACTIONAL,
    /** It fails when existing rows do not satisfy the new rule (NULLs, duplicates, orphans, values out of range). */
    FAILS_ON_EXISTING_ROWS,
    /** Row-level security is switched off or a policy is dropped: rows become visible to roles they were hidden from. */
    WEAKENS_SECURITY;

    /**
     * The kind named {@code name} (case-insensitive, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the known kinds
     */
    public static HazardKind parse(String name) {
        String key = name == null ? "" : name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (HazardKind kind : values()) {
            if (kind.name().equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown hazard kind '" + name + "': use one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
