package dev.autogen.migrate;

import java.util.Locale;
import java.util.Set;

/**
 * The names of the tables the migrator keeps its state in. They belong to autogen, never to the entities, so the
 * catalog readers leave them out of every diff.
 */
public final class VersionTables {
    /** One row per current head revision. */
    public static final String VERSION = "autogen_version";
    /** One row per applied or reverted revision: the audit trail. */
    public static final String HISTORY = "autogen_history";
    /**
     * The lease lock's row ({@code --lock lease}, {@link LeaseLock}); not created otherwise: by default concurrent
     * runners are serialised by a PostgreSQL advisory lock and by SQLite's own write lock ({@code BEGIN IMMEDIATE}),
     * neither of which a killed runner can leave behind (see docs/migrations.md, "Concurrent runners").
     */
    public static final String LOCK = "autogen_lock";

    /**
     * One row per tenant a tenant-scoped data step ({@code schema.forEachTenant}) has done, while its revision is not
     * yet recorded, so a rerun after a failure skips them; emptied for the revision when it is recorded.
     */
    public static final String TENANT_PROGRESS = "autogen_tenant_progress";

    /**
     * The finished steps of an online revision that is under way (PostgreSQL), so that a rerun after a crash continues
     * where it stopped; created by the first online revision ({@link OnlineProgress}).
     */
    public static final String ONLINE_STEPS = "autogen_online_steps";

    /**
     * Where a revision that holds a backfill records how far it got: one row per finished part (the statements
     * before and after a backfill) and per backfill (the last primary key done and the rows done), so that a run
     * killed in the middle continues where it stopped. Created by the first such revision; its rows are deleted when
     * the revision completes ({@code BackfillProgress}).
     */
    public static final String BACKFILL_PROGRESS = "autogen_backfill_progress";

    /**
     * MariaDB only: one row per completed statement of a revision that is running or stopped half-way (DDL commits
     * implicitly there, so a revision is not atomic); a rerun resumes after the last one, a downgrade reverts exactly
     * them. The revision's rows go in the transaction that records it ({@code StatementJournal}).
     */
    public static final String STATEMENT_JOURNAL = "autogen_statement_journal";

    /**
     * A fleet's tenant ledger ({@code ledger=} in a targets file): every tenant schema's version rows of one server in
     * one table, keyed by tenant, instead of an {@code autogen_version} in each schema
     * ({@code dev.autogen.migrate.history.TenantLedger}).
     */
    public static final String TENANT_VERSION = "autogen_tenant_version";
    /** The ledger's history: every tenant schema's {@code autogen_history} rows, keyed by tenant. */
    public static final String TENANT_HISTORY = "autogen_tenant_history";

    private static final Set<String> ALL = Set.of(VERSION, HISTORY, LOCK, TENANT_PROGRESS, ONLINE_STEPS,
            BACKFILL_PROGRESS, STATEMENT_JOURNAL, TENANT_VERSION, TENANT_HISTORY);

    private VersionTables() {
    }

    public static boolean isVersionTable(String tableName) {
        return ALL.contains(tableName.toLowerCase(Locale.ROOT));
    }
}
