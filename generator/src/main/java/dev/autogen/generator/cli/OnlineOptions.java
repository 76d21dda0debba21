package dev.autogen.generator.cli;

import dev.autogen.generator.config.UsageException;
import dev.autogen.migrate.OnlineSettings;
import picocli.CommandLine.Option;

/**
 * {@code --online}, {@code --lock-retries} and {@code --lock-retry-backoff} of {@code upgrade} and {@code downgrade}:
 * the command-line face of {@link OnlineSettings}. Operations marked {@code .online()} run their online steps on
 * PostgreSQL whatever the options; {@code --online} runs every other operation that has an online form and would block
 * the application that way too. Each step waits at most {@code --lock-timeout} for its lock.
 */
final class OnlineOptions {
    @Option(names = "--online", description = "PostgreSQL: run every operation that has an online form (foreign key,"
            + " check, SET NOT NULL, unique, primary key, index) in short steps, marked .online() or not.")
    boolean online;

    @Option(names = "--lock-retries", paramLabel = "N",
            description = "How often an online step whose lock timed out is tried again (default 5).")
    Integer lockRetries;

    @Option(names = "--lock-retry-backoff", paramLabel = "DURATION",
            description = "The wait before the first retry of an online step; it doubles each time (default 500ms).")
    String lockRetryBackoff;

    /** The settings these options give, the defaults where an option is absent. */
    OnlineSettings settings() {
        OnlineSettings settings = OnlineSettings.DEFAULT.withEverywhere(online);
        if (lockRetries != null) {
            if (lockRetries < 0) {
                throw new UsageException("--lock-retries " + lockRetries + " is negative: give 0 or more");
            }
            settings = settings.withLockRetries(lockRetries);
        }
        if (lockRetryBackoff != null) {
            settings = settings.withRetryBackoff(MigrationTimeoutOptions.parse("--lock-retry-backoff",
                    lockRetryBackoff));
        }
        return settings;
    }
}
