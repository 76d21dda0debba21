package dev.autogen.migrate.history;

import java.time.Instant;

/**
 * One row of {@code autogen_history}: a revision applied or reverted.
 *
 * @param id         the row's sequence number (ascending in the order things happened)
 * @param revision   the revision id
 * @param direction  {@code upgrade}, {@code downgrade}, {@code stamp} (the version table was set without running
 *                   anything; {@code revision} is then the revision stamped, or {@code base}) or {@code repair} (the
 *                   revision's checksum re-recorded) or {@code squash} (the version row moved from the last revision
 *                   a squash replaces to the squash itself, which the database has applied through the originals)
 * @param checksum   the migration's checksum when it ran ({@link MigrationChecksum})
 * @param appliedAt  when it finished
 * @param appliedBy  who ran it (the operating-system user unless the caller says otherwise)
 * @param durationMs how long the revision's statements took
 * @param success    whether it succeeded (failed revisions are rolled back and leave no row today)
 */
public record HistoryEntry(long id, String revision, String direction, String checksum, Instant appliedAt,
        String appliedBy, long durationMs, boolean success) {

    public static final String UPGRADE = "upgrade";
    public static final String DOWNGRADE = "downgrade";
    public static final String STAMP = "stamp";
    /** The checksum of an applied revision re-recorded after an intended edit ({@code autogen repair}). */
    public static final String REPAIR = "repair";
    /**
     * The database, which applied every revision a squash replaces, is recorded at the squash from now on (with the
     * squash's checksum): written by {@code upgrade} and {@code downgrade} when they find the version row at the last
     * replaced revision.
     */
    public static final String SQUASH = "squash";
}
