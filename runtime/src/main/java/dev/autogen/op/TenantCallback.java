package dev.autogen.op;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Java code a tenant-scoped data step runs once per tenant ({@link TenantStep#run}). The migrator has already switched
 * the transaction to the step's role and set the tenant setting, so row-level security shows the code only that
 * tenant's rows. The connection refuses commit, rollback and close: the migrator owns the per-tenant transaction.
 */
@FunctionalInterface
public interface TenantCallback {
    void run(Connection connection, String tenant) throws SQLException;
}
