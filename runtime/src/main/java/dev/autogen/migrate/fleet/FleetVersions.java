package dev.autogen.migrate.fleet;

import dev.autogen.migrate.MigrationException;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.VersionTables;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every tenant schema's version rows of one PostgreSQL database in one round trip per {@value #CHUNK} schemas: a
 * single statement asks {@code pg_namespace} which schemas exist, {@code pg_class} which of them have an
 * {@code autogen_version} table, and reads each such table through {@code query_to_xml} (a query the server builds
 * per row). A fleet already at head is thus known without one connection and one query per tenant, which is what
 * makes the no-op cost of thousands of tenants a few milliseconds per server instead of minutes.
 */
final class FleetVersions {
    /** Schemas per statement: keeps each statement's array parameter and result small. */
    static final int CHUNK = 500;
    private static final Pattern REVISION = Pattern.compile("<revision>([^<]*)</revision>");
    private static final String QUERY = "select s.name, n.oid is not null, case when c.oid is null then null else "
            + "query_to_xml(format('select revision from %I." + VersionTables.VERSION + "', s.name), false, false, '')"
            + "::text end, c.oid is not null and h.oid is not null "
            + "from unnest(?::text[]) with ordinality as s(name, ord) "
            + "left join pg_catalog.pg_namespace n on n.nspname = s.name "
            + "left join pg_catalog.pg_class c on c.relnamespace = n.oid and c.relname = '" + VersionTables.VERSION
            + "' and c.relkind in ('r', 'p') "
            + "left join pg_catalog.pg_class h on h.relnamespace = n.oid and h.relname = '" + VersionTables.HISTORY
            + "' and h.relkind in ('r', 'p') order by s.ord";

    /**
     * One existing schema's version rows (sorted; empty: base, or no version table yet), and whether both version
     * tables were there: then a run in it need not offer to create them ({@link Migrator#expectingVersionTables}).
     */
    record Found(List<String> current, boolean versionTables) {
        Found {
            current = List.copyOf(current);
        }
    }

    private FleetVersions() {
    }

    /**
     * What was found of each of {@code schemas}, in the given order; {@link Optional#empty()} for a schema that does
     * not exist.
     */
    static Map<String, Optional<Found>> read(Connection c, List<String> schemas) {
        Map<String, Optional<Found>> rows = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement(QUERY)) {
            for (int from = 0; from < schemas.size(); from += CHUNK) {
                List<String> chunk = schemas.subList(from, Math.min(schemas.size(), from + CHUNK));
                Array names = c.createArrayOf("text", chunk.toArray());
                st.setArray(1, names);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getString(1), rs.getBoolean(2)
                                ? Optional.of(new Found(revisions(rs.getString(3)), rs.getBoolean(4)))
                                : Optional.empty());
                    }
                }
                names.free();
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot read the tenant schemas' version rows: "
                    + e.getMessage().strip().replaceAll("\\s+", " "), e);
        }
        return rows;
    }

    /** The revision ids of a version table read through {@code query_to_xml} (null: none), sorted. */
    static List<String> revisions(String xml) {
        List<String> revisions = new ArrayList<>();
        if (xml != null) {
            Matcher m = REVISION.matcher(xml);
            while (m.find()) {
                revisions.add(m.group(1));
            }
        }
        revisions.sort(null);
        return List.copyOf(revisions);
    }
}
