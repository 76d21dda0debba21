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
 * The tenant ledger's design measured as plainly as SQL can say it (issue #14; measured before {@code ledger=} was
 * built, and kept as the bare-SQL floor beneath it): every tenant's version row and history kept in one ledger per
 * server ({@code public.autogen_fleet_versions}, {@code public.autogen_fleet_history}) instead of in each tenant schema's own
 * version tables. Per schema, in its transaction, the same lock and DDL as the floor, then one row moved and one row
 * added in tables the session has already opened, where the floor opens each schema's own version tables (and their
 * keys and the history's sequence) for the first time; and the same with {@link #BATCH} schemas per transaction and
 * the ledger's rows of a batch written by one update and one insert. The setup is not timed.
 */
final class LedgerFloor {
    private static final String NEW = V0002_Note.class.getAnnotation(Revision.class).id();
    private static final String OLD = V0002_Note.class.getAnnotation(Revision.class).parent()[0];
    /** Schemas per transaction in the batched variant. */
    static final int BATCH = 100;

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

    /**
     * What psql runs: per batch of {@code batch} schemas, one transaction with each schema's lock and DDL, then the
     * ledger's rows of the whole batch in two statements (a batch of 1: a transaction per schema, as the floor).
     */
    static String script(List<String> names, int batch) {
        StringBuilder sql = new StringBuilder();
        for (int from = 0; from < names.size(); from += batch) {
            List<String> part = names.subList(from, Math.min(names.size(), from + batch));
            sql.append("begin;");
            for (String name : part) {
                sql.append(" set local search_path to ").append(name).append("; select pg_advisory_xact_lock(hashtext('")
                        .append(name).append("')); ").append(V0002_Note.DDL);
            }
            sql.append(" update public.autogen_fleet_versions set revision = '").append(NEW)
                    .append("' where schema_name in (").append(quoted(part, "")).append(") and revision = '")
                    .append(OLD).append("'; insert into public.autogen_fleet_history (schema_name, revision, direction,"
                            + " applied_at, applied_by) values ")
                    .append(quoted(part, ", '" + NEW + "', 'upgrade', now(), current_user")).append("; commit;\n");
        }
        return sql.toString();
    }

    /** {@code 'a', 'b'}, or with {@code rest}: {@code ('a'REST), ('b'REST)}. */
    private static String quoted(List<String> names, String rest) {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            out.append(out.isEmpty() ? "" : ", ").append(rest.isEmpty() ? "" : "(").append('\'').append(name)
                    .append('\'').append(rest).append(rest.isEmpty() ? "" : ")");
        }
        return out.toString();
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
