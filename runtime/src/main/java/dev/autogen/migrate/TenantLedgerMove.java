package dev.autogen.migrate;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;

import dev.autogen.migrate.history.TenantLedger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves tenant schemas' own {@code autogen_version} and {@code autogen_history} into the fleet's {@link TenantLedger}:
 * what the first upgrade or downgrade over a targets-file line that names a ledger does, so that a fleet that ran
 * before the ledger existed keeps every version row and every history row.
 *
 * <p>One transaction per tenant that still has its own tables, under that tenant's advisory lock (the key its runs
 * take, so no run of it is under way): the rows copied into the ledger, the history in its order, then the tenant's
 * two tables dropped. A tenant that already has rows in the ledger as well is skipped (which of the two is right is
 * the operator's call), and nothing of it changes: the rollout's summary reports it as failed, naming both places.
 */
public final class TenantLedgerMove {
    private TenantLedgerMove() {
    }

    /**
     * Moves every tenant of {@code tenants} that has its own version table, creating the ledger first when missing.
     *
     * @return the tenants moved, in the given order (not those with rows in both places)
     * @throws MigrationException naming the tenant, when the database refuses (the tenants before it stay moved)
     */
    public static List<String> moveIn(Connection c, TenantLedger ledger, List<String> tenants) {
        String tenant = null;
        try {
            c.setAutoCommit(true);
            ledger.ensure(c);
            List<String> moved = new ArrayList<>();
            for (String each : withOwnTables(c, tenants)) {
                tenant = each;
                if (moveOne(c, ledger, each)) {
                    moved.add(each);
                }
            }
            return List.copyOf(moved);
        } catch (SQLException e) {
            throw new MigrationException("cannot move " + (tenant == null ? "the tenants'" : "tenant " + tenant
                    + "'s") + " version rows into the ledger in schema " + ledger.schema() + ": "
                    + RevisionRunner.oneLine(String.valueOf(e.getMessage())), e);
        }
    }

    /** The tenants whose schema holds an {@code autogen_version} table, in the given order. */
    private static List<String> withOwnTables(Connection c, List<String> tenants) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("select s.name from unnest(?::text[]) with ordinality as"
                + " s(name, ord) join pg_catalog.pg_namespace n on n.nspname = s.name join pg_catalog.pg_class t on"
                + " t.relnamespace = n.oid and t.relname = '" + VersionTables.VERSION + "' and t.relkind in ('r', 'p')"
                + " order by s.ord")) {
            Array names = c.createArrayOf("text", tenants.toArray());
            st.setArray(1, names);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            names.free();
        }
        return found;
    }

    /** Moves one tenant in its own transaction; false, with nothing changed, when the ledger already has its rows. */
    private static boolean moveOne(Connection c, TenantLedger ledger, String tenant) throws SQLException {
        String name = TenantLedger.literal(tenant);
        String ownVersion = quoteIdentifier(tenant) + "." + quoteIdentifier(VersionTables.VERSION);
        String ownHistory = quoteIdentifier(tenant) + "." + quoteIdentifier(VersionTables.HISTORY);
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            boolean hasHistory;
            long inLedger;
            try (ResultSet rs = st.executeQuery("select pg_advisory_xact_lock("
                    + MigrationLock.PostgresAdvisoryLock.keySqlOf(name) + "), to_regclass("
                    + TenantLedger.literal(ownHistory) + ") is not null, (select count(*) from "
                    + ledger.versionTable() + " where " + quoteIdentifier("tenant") + " = " + name + ")")) {
                rs.next();
                hasHistory = rs.getBoolean(2);
                inLedger = rs.getLong(3);
            }
            if (inLedger > 0) {
                c.rollback();
                return false;
            }
            String columns = "revision, direction, checksum, applied_at, applied_by, duration_ms, success";
            st.addBatch("insert into " + ledger.versionTable() + " (tenant, revision) select " + name
                    + ", revision from " + ownVersion);
            if (hasHistory) {
                st.addBatch("insert into " + ledger.historyTable() + " (tenant, " + columns + ") select " + name
                        + ", " + columns + " from " + ownHistory + " order by id");
            }
            st.addBatch("drop table " + ownVersion + (hasHistory ? ", " + ownHistory : ""));
            st.executeBatch();
            c.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
