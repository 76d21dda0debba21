package dev.autogen.migrate;

import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The column a backfill walks its table by, read from the live catalog when the backfill starts: the single-column
 * primary key (PostgreSQL, SQLite; MariaDB is refused, see {@link SplitRevision}), or SQLite's {@code rowid} when the key has several columns or there is none.
 * Keys are stored and bound as text and cast back to the column's type in SQL, so one progress table serves keys of
 * every type.
 *
 * @param expression the quoted column (or {@code rowid})
 * @param type       the SQL type a text key is cast to
 */
record BackfillKey(String expression, String type) {

    /** {@code expression > cast(? as type)}. */
    String after() {
        return expression + " > cast(? as " + type + ")";
    }

    /** {@code expression <= cast(? as type)}. */
    String upTo() {
        return expression + " <= cast(? as " + type + ")";
    }

    static BackfillKey of(Connection c, Dialect dialect, String table) throws SQLException {
        return switch (dialect) {
            case POSTGRESQL -> postgres(c, table);
            case SQLITE -> sqlite(c, table);
            case MARIADB -> throw new MigrationException("cannot backfill " + table + " on MariaDB yet: batches run"
                    + " on PostgreSQL and SQLite only — use schema.execute(\"update ...\")");
        };
    }

    private static BackfillKey postgres(Connection c, String table) throws SQLException {
        List<BackfillKey> keys = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("select a.attname, format_type(a.atttypid, a.atttypmod)"
                + " from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)"
                + " where i.indrelid = to_regclass(?) and i.indisprimary")) {
            st.setString(1, DdlRenderer.quoteTable(table));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    keys.add(new BackfillKey(DdlRenderer.quoteIdentifier(rs.getString(1)), rs.getString(2)));
                }
            }
        }
        if (keys.size() != 1) {
            throw new MigrationException("cannot backfill " + table + ": it needs a single-column primary key to walk"
                    + " in batches (it has " + (keys.isEmpty() ? "none, or the table does not exist" : keys.size()
                    + " key columns") + ") — add one, or use schema.execute(\"update ...\") for a small table");
        }
        return keys.getFirst();
    }

    private static BackfillKey sqlite(Connection c, String table) throws SQLException {
        List<BackfillKey> keys = new ArrayList<>();
        boolean exists = false;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA table_info(" + DdlRenderer.quoteIdentifier(table) + ")")) {
            while (rs.next()) {
                exists = true;
                if (rs.getInt("pk") > 0) {
                    String type = rs.getString("type");
                    keys.add(new BackfillKey(DdlRenderer.quoteIdentifier(rs.getString("name")),
                            type == null || type.isBlank() ? "numeric" : type));
                }
            }
        }
        if (!exists) {
            throw new MigrationException("cannot backfill " + table + ": the table does not exist — create it in an"
                    + " earlier operation of the migration");
        }
        return keys.size() == 1 ? keys.getFirst() : new BackfillKey("rowid", "integer");
    }
}
