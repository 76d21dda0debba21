package dev.autogen.migrate;

import java.time.Duration;

/**
 * How the migrator runs online plans on PostgreSQL ({@link OnlineRevisionSteps}): each step waits at most the
 * {@code lock_timeout} of {@link MigrationTimeouts} for its lock, and one that timed out (SQLSTATE 55P03) is tried
 * again up to {@code lockRetries} times, waiting {@code retryBackoff}, then twice that, and so on, between tries. A
 * step that gives way to the application's transactions this way never makes them queue behind it for long.
 *
 * @param everywhere   run every operation that has an online form online, marked {@code .online()} or not
 *                     ({@code upgrade --online})
 * @param lockRetries  how many times a step is tried again after its lock timed out (0: fail at once)
 * @param retryBackoff the wait before the first retry; it doubles with each retry
 */
public record OnlineSettings(boolean everywhere, int lockRetries, Duration retryBackoff) {
    /** Marked operations only; five retries, from 500 ms. */
    public static final OnlineSettings DEFAULT = new OnlineSettings(false, 5, Duration.ofMillis(500));

    public OnlineSettings {
        if (lockRetries < 0) {
            throw new IllegalArgumentException("lock retries must not be negative: " + lockRetries);
        }
        if (retryBackoff == null || retryBackoff.isNegative()) {
            throw new IllegalArgumentException("lock retry backoff must not be negative: " + retryBackoff);
        }
    }

    public OnlineSettings withEverywhere(boolean all) {
        return new OnlineSettings(all, lockRetries, retryBackoff);
    }

    public OnlineSettings withLockRetries(int retries) {
        return new OnlineSettings(everywhere, retries, retryBackoff);
    }

    public OnlineSettings withRetryBackoff(Duration backoff) {
        return new OnlineSettings(everywhere, lockRetries, backoff);
    }
}
