package dev.autogen.bench;

import dev.autogen.bench.fleetmigrations.V0002_Note;
import dev.autogen.migrate.Revision;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A design autogen does not have, measured as plainly as SQL can say it so that the fleet target's distance can be
 * told from the design's (issue #14): every tenant's version row and history kept in one ledger per server
 * ({@code public.autogen_fleet_versions}, {@code public.autogen_fleet_history}) instead of in each tenant schema's own
 * version tables. Per schema, in its transaction, the same lock and DDL as the floor, then one row moved and one row
 * added in tables the session has already opened, where the floor opens each schema's own version tables (and their
 * keys and the history's sequence) for the first time. The setup is not timed.
 */
final class LedgerFloor {
    private static final String NEW = V0002_Note.class.getAnnotation(Revision.class).id();
    private static final String OLD = V0002_Note.class.getAnnotation(Revision.class).parent()[0];

    private LedgerFloor() {
    }

    /** The ledger's tables, one version row per schema at the revision before the one applied. */
    static String[] setup(List<String> names) {
        StringBuilder rows = new StringBuilder("insert into public.autogen_fleet_versions values ");
        for (int i = 0; i < names.size(); i++) {
            rows.append(i == 0 ? "" : ", ").append("('").append(names.get(i)).append("', '").append(OLD).append("')");
        }
        return new String[] {
            "create table public.autogen_fleet_versions (schema_name text primary key, revision text not null)",
            "create table public.autogen_fleet_history (id bigint generated always as identity primary key,"
                    + " schema_name text not null, revision text not null, direction text not null,"
                    + " applied_at timestamptz not null, applied_by text not null)",
            rows.toString()};
    }

    /** What psql runs: per schema, one transaction with the lock, the DDL and the ledger's two rows. */
    static String script(List<String> names) {
        StringBuilder sql = new StringBuilder();
        for (String name : names) {
            sql.append("begin; set local search_path to ").append(name).append("; select pg_advisory_xact_lock(hashtext('")
                    .append(name).append("')); ").append(V0002_Note.DDL)
                    .append(" update public.autogen_fleet_versions set revision = '").append(NEW)
                    .append("' where schema_name = '").append(name).append("' and revision = '").append(OLD)
                    .append("'; insert into public.autogen_fleet_history (schema_name, revision, direction, applied_at,"
                            + " applied_by) values ('").append(name).append("', '").append(NEW)
                    .append("', 'upgrade', now(), current_user); commit;\n");
        }
        return sql.toString();
    }

    /** The script really moved every schema's row: a floor that skipped its work would flatter the design. */
    static void requireAllMoved(String url, int schemas) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from public.autogen_fleet_versions where revision = '"
                     + NEW + "'")) {
            rs.next();
            if (rs.getInt(1) != schemas) {
                throw new IllegalStateException("the ledger's script moved " + rs.getInt(1) + " of " + schemas
                        + " schemas on " + url);
            }
        }
    }
}
