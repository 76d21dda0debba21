package dev.autogen.generator.cli;

import dev.autogen.generator.config.UsageException;
import dev.autogen.migrate.MigrationLockKind;
import dev.autogen.migrate.MigrationTimeouts;
import dev.autogen.migrate.Migrator;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * {@code --lock-wait}, {@code --lock-timeout}, {@code --statement-timeout} and {@code --lock} of {@code upgrade} and
 * {@code downgrade}:
 * the command-line face of {@link MigrationTimeouts}, so a deployment can say how long a runner waits for another
 * runner and how long a {@code CREATE INDEX CONCURRENTLY} may wait for a lock or run, without writing Java. Each
 * falls back to {@link MigrationTimeouts#DEFAULT}. Durations are a whole number with a unit: {@code 500ms},
 * {@code 30s}, {@code 10min}, {@code 2h}; {@code 0} disables the PostgreSQL limits and makes the lock wait give up at
 * once.
 */
final class MigrationTimeoutOptions {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min|h)?");

    @Option(names = "--lock-wait", paramLabel = "DURATION",
            description = "How long to wait for the migration lock another runner holds (default 10min).")
    String lockWait;

    @Option(names = "--lock-timeout", paramLabel = "DURATION",
            description = "PostgreSQL lock_timeout for statements run outside a transaction, such as CREATE INDEX "
                    + "CONCURRENTLY (default 10s; 0: no limit).")
    String lockTimeout;

    @Option(names = "--statement-timeout", paramLabel = "DURATION",
            description = "PostgreSQL statement_timeout for those statements (default 1h; 0: no limit).")
    String statementTimeout;

    @Option(names = "--lock", paramLabel = "KIND",
            description = "How runners are kept apart on PostgreSQL: advisory (default, pg_advisory_lock) or lease (a "
                    + "row with an owner and an expiry in autogen_lock, for servers without advisory locks).")
    String lock;

    /** {@code migrator} with these timeouts, and the lock kind {@code --lock} names (if it names one). */
    Migrator applyTo(Migrator migrator) {
        Migrator timed = migrator.withTimeouts(timeouts());
        return lock == null ? timed : timed.withLock(lockKind());
    }

    /** Refuses {@code --lock} where it is not supported yet (a run over several schemas). */
    void refuseLockFor(String where) {
        if (lock != null) {
            throw new UsageException("--lock is not supported with " + where + " yet: run without it (each schema"
                    + " uses its own advisory lock)");
        }
    }

    /** The lock kind {@code --lock} names (default advisory). */
    MigrationLockKind lockKind() {
        if (lock == null) {
            return MigrationLockKind.ADVISORY;
        }
        try {
            return MigrationLockKind.parse(lock);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--lock " + lock + " is not a lock kind: use advisory or lease");
        }
    }

    /** The timeouts these options give, the defaults where an option is absent. */
    MigrationTimeouts timeouts() {
        MigrationTimeouts timeouts = MigrationTimeouts.DEFAULT;
        if (lockWait != null) {
            timeouts = timeouts.withLockWait(parse("--lock-wait", lockWait));
        }
        if (lockTimeout != null) {
            timeouts = timeouts.withLockTimeout(parse("--lock-timeout", lockTimeout));
        }
        if (statementTimeout != null) {
            timeouts = timeouts.withStatementTimeout(parse("--statement-timeout", statementTimeout));
        }
        return timeouts;
    }

    static Duration parse(String option, String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || m.group(2) == null && !m.group(1).chars().allMatch(c -> c == '0')) {
            throw new UsageException(option + " " + text + " is not a duration: write a whole number and a unit, "
                    + "e.g. 500ms, 30s, 10min or 2h (0 for none)");
        }
        long amount;
        try {
            amount = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new UsageException(option + " " + text + " is too large");
        }
        return switch (m.group(2) == null ? "ms" : m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "min" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
