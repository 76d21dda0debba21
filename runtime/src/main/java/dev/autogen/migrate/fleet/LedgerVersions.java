package dev.autogen.migrate.fleet;

import dev.autogen.migrate.MigrationException;
import dev.autogen.migrate.VersionTables;
import dev.autogen.migrate.history.TenantLedger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link FleetVersions} for a line whose tenants keep their versions in a {@link TenantLedger}: one statement per
 * {@value FleetVersions#CHUNK} tenants reads which schemas exist and each one's rows in the ledger. A tenant that has
 * no rows in the ledger but still its own {@code autogen_version} (a fleet from before the ledger, not yet moved by an
 * upgrade or downgrade) is read from that table, so {@code current} and {@code check} tell the truth before the move;
 * a tenant with rows in both is a problem to resolve by hand ({@link dev.autogen.migrate.TenantLedgerMove}).
 */
final class LedgerVersions {
    /**
     * One tenant as found: its rows; whether the ledger exists and holds them (the tenant has no table of its own), so
     * a run need not offer to create them ({@link dev.autogen.migrate.Migrator#expectingVersionTables}); or why they
     * cannot be trusted.
     */
    record Found(List<String> current, boolean inLedger, String problem) {
        Found {
            current = List.copyOf(current);
        }
    }

    private LedgerVersions() {
    }

    /** What was found of each of {@code schemas}, in order; empty for a schema that does not exist. */
    static Map<String, Optional<Found>> read(Connection c, TenantLedger ledger, List<String> schemas) {
        Map<String, Optional<Found>> rows = new LinkedHashMap<>();
        try {
            boolean exists = ledger.exists(c);
            String inLedger = exists ? "(select string_agg(v.revision, ',' order by v.revision) from "
                    + ledger.versionTable() + " v where v.tenant = s.name)" : "null::text";
            String query = "select s.name, n.oid is not null, " + inLedger + ", case when o.oid is null then null"
                    + " else query_to_xml(format('select revision from %I." + VersionTables.VERSION + "', s.name),"
                    + " false, false, '')::text end from unnest(?::text[]) with ordinality as s(name, ord)"
                    + " left join pg_catalog.pg_namespace n on n.nspname = s.name"
                    + " left join pg_catalog.pg_class o on o.relnamespace = n.oid and o.relname = '"
                    + VersionTables.VERSION + "' and o.relkind in ('r', 'p') order by s.ord";
            try (PreparedStatement st = c.prepareStatement(query)) {
                for (int from = 0; from < schemas.size(); from += FleetVersions.CHUNK) {
                    List<String> chunk = schemas.subList(from, Math.min(schemas.size(), from + FleetVersions.CHUNK));
                    Array names = c.createArrayOf("text", chunk.toArray());
                    st.setArray(1, names);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            rows.put(rs.getString(1), rs.getBoolean(2)
                                    ? Optional.of(found(rs.getString(1), rs.getString(3), rs.getString(4), ledger,
                                    exists))
                                    : Optional.empty());
                        }
                    }
                    names.free();
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot read the tenant ledger in schema " + ledger.schema() + ": "
                    + e.getMessage().strip().replaceAll("\\s+", " "), e);
        }
        return rows;
    }

    private static Found found(String tenant, String inLedger, String ownXml, TenantLedger ledger, boolean exists) {
        List<String> own = ownXml == null ? null : FleetVersions.revisions(ownXml);
        if (inLedger != null && own != null) {
            return new Found(List.of(), false, "tenant " + tenant + " has version rows both in its own "
                    + VersionTables.VERSION + " and in the ledger in schema " + ledger.schema() + ": compare the two,"
                    + " then drop the stale one");
        }
        if (inLedger != null) {
            return new Found(List.of(inLedger.split(",")), true, null);
        }
        return new Found(own == null ? List.of() : own, exists && own == null, null);
    }
}
