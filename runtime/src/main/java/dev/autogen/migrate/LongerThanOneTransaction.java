package dev.autogen.migrate;

/**
 * Thrown, before anything was written, when a run started in one transaction ({@link PostgresTransactionRun}) turns
 * out to need more than that transaction: more than one revision, a revision that commits on its own (statements that
 * cannot run in a transaction, online steps, backfill batches, tenant steps, raw SQL or Java steps that might
 * commit), or squash
 * bookkeeping. {@link MigrationSessions} then rolls the transaction back (the lock and the settings end with it) and
 * runs the work again on the session lock, where each revision has its own transaction.
 */
final class LongerThanOneTransaction extends RuntimeException {
    LongerThanOneTransaction() {
        super("the run needs more than one transaction", null, false, false);
    }
}
