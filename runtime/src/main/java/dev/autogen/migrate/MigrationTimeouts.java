package dev.autogen.migrate;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the migrator waits, so that a runner stuck behind another runner or behind an application's long
 * transaction fails with a message instead of hanging a deployment.
 *
 * @param lockWait         how long a runner waits for the migration lock another runner holds (the PostgreSQL advisory
 *                         lock; on SQLite, the busy timeout of the database's write lock) before it gives up;
 *                         {@link Duration#ZERO} gives up at once
 * @param lockTimeout      PostgreSQL {@code lock_timeout} for statements that run outside a transaction
 *                         ({@code CREATE INDEX CONCURRENTLY}): how long one may wait for a table lock;
 *                         {@link Duration#ZERO} means no limit
 * @param statementTimeout PostgreSQL {@code statement_timeout} for those statements: how long one may run;
 *                         {@link Duration#ZERO} means no limit
 */
public record MigrationTimeouts(Duration lockWait, Duration lockTimeout, Duration statementTimeout) {
    /** Ten minutes for the migration lock, ten seconds for a table lock, one hour for a statement. */
    public static final MigrationTimeouts DEFAULT =
            new MigrationTimeouts(Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofHours(1));

    public MigrationTimeouts {
        requireNotNegative(lockWait, "lockWait");
        requireNotNegative(lockTimeout, "lockTimeout");
        requireNotNegative(statementTimeout, "statementTimeout");
    }

    public MigrationTimeouts withLockWait(Duration wait) {
        return new MigrationTimeouts(wait, lockTimeout, statementTimeout);
    }

    public MigrationTimeouts withLockTimeout(Duration timeout) {
        return new MigrationTimeouts(lockWait, timeout, statementTimeout);
    }

    public MigrationTimeouts withStatementTimeout(Duration timeout) {
        return new MigrationTimeouts(lockWait, lockTimeout, timeout);
    }

    /** PostgreSQL's spelling of a duration setting: whole milliseconds ({@code 0} disables the limit). */
    static String setting(Duration duration) {
        return duration.toMillis() + "ms";
    }

    /** {@code 200 ms}, {@code 10 s}, {@code 10 min} (for messages). */
    static String describe(Duration duration) {
        if (duration.toMillis() < 1000 || duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + " ms";
        }
        return duration.toSeconds() % 60 == 0 && duration.toSeconds() >= 60
                ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + duration);
        }
    }
}
