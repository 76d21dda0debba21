package dev.autogen.migrate.history;

/**
 * One way the database and the migrations disagree about what was applied, found by {@link AppliedRevisions}. Each is
 * a reason for {@code autogen validate} and {@code autogen check} to fail: the code no longer describes the database.
 *
 * @param kind     what is wrong
 * @param revision the revision concerned
 * @param message  one line saying what is wrong and what to do
 */
public record IntegrityProblem(Kind kind, String revision, String message) {

    public enum Kind {
        /** An applied revision whose operations no longer match the checksum recorded when it was applied. */
        EDITED,
        /**
         * The database is at a revision the history recorded (so autogen applied it) that no migration defines: the
         * database is ahead of this code, or the migration was deleted.
         */
        MISSING,
        /** The database is at a revision that neither the migrations nor the history know (written by hand?). */
        UNKNOWN
    }
}
