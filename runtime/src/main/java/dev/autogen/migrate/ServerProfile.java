package dev.autogen.migrate;

import java.util.Locale;

/**
 * Which server behind the PostgreSQL protocol a migrator talks to ({@code --profile}), for what differs from PostgreSQL
 * itself. CockroachDB and YugabyteDB run schema changes as online, asynchronous jobs and do not make several DDL
 * statements in one transaction atomic the way PostgreSQL does (a revision that mixes them, or DDL with writes to the
 * changed table, can fail or be half-applied), so under their profiles every statement of a revision runs in a
 * transaction of its own, each recorded as a step when it commits, and the revision's version and history rows are
 * written in one last transaction after them; a run that stops half-way continues with the first statement that did
 * not commit (as online steps do, {@link OnlineRevisionSteps}). CockroachDB's {@code pg_advisory_lock} does not keep
 * runners apart, so its profile takes the lease lock by default. See docs/distributed.md.
 */
public enum ServerProfile {
    /** PostgreSQL and Citus: one transaction per revision, the advisory lock. The default. */
    POSTGRESQL(false, MigrationLockKind.ADVISORY),
    /** CockroachDB: one statement per transaction, the lease lock. */
    COCKROACHDB(true, MigrationLockKind.LEASE),
    /**
     * YugabyteDB: one statement per transaction; the advisory lock (which YSQL has from 2.25 with
     * {@code ysql_yb_enable_advisory_locks}, and refuses with an error, not silently, where it has not).
     */
    YUGABYTEDB(true, MigrationLockKind.ADVISORY);

    private final boolean statementPerTransaction;
    private final MigrationLockKind defaultLock;

    ServerProfile(boolean statementPerTransaction, MigrationLockKind defaultLock) {
        this.statementPerTransaction = statementPerTransaction;
        this.defaultLock = defaultLock;
    }

    /** Whether each statement of a revision commits alone, the version row after the last one. */
    public boolean statementPerTransaction() {
        return statementPerTransaction;
    }

    /** The lock used unless one is chosen ({@code --lock}). */
    public MigrationLockKind defaultLock() {
        return defaultLock;
    }

    /** {@code postgresql}, {@code cockroachdb} or {@code yugabytedb}, as {@code --profile} spells it. */
    public static ServerProfile parse(String text) {
        for (ServerProfile profile : values()) {
            if (profile.name().equalsIgnoreCase(text.strip())) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + text + "': use postgresql, cockroachdb or yugabytedb");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
