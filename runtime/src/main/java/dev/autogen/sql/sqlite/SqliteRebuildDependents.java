package dev.autogen.sql.sqlite;

import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.StandardDdl;
import dev.autogen.sql.Statement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a SQLite table rebuild drops with the old table and autogen's schema model cannot describe, put back from the
 * live database: the table's triggers, its indexes on expressions, and what the model does not keep of the other
 * indexes (a partial index's {@code WHERE}, a {@code COLLATE}). The renderer works from a {@link Schema} (no triggers,
 * no expression or partial indexes), so only the migrator, which has the connection, can do this; it calls
 * {@link #complete} on each operation's statements just before running them.
 *
 * <p>The original {@code CREATE TRIGGER} / {@code CREATE INDEX} text is read from {@code sqlite_schema} before the
 * rebuild runs: an index the rebuild recreates unchanged (its model is the same before and after) is recreated from
 * that text; indexes the model does not know and triggers are appended, in creation order, indexes first. An index the
 * operation itself removes (an index on a dropped column, which the model does describe) is not put back; a trigger or
 * expression index that names a dropped column fails to be recreated, which rolls the revision back with SQLite's
 * message.
 */
public final class SqliteRebuildDependents {
    private static final Pattern CREATE_INDEX =
            Pattern.compile("create (?:unique )?index \"((?:[^\"]|\"\")*)\" on .*", Pattern.DOTALL);

    private SqliteRebuildDependents() {
    }

    /**
     * {@code rendered} unchanged when it does not rebuild a table; otherwise with each unchanged index created from its
     * original text, followed by the statements that recreate the table's unmodelled indexes and its triggers.
     *
     * @param before the schema the statements were rendered from (the model's view of the table's indexes)
     */
    public static List<Statement> complete(Connection connection, List<Statement> rendered, Schema before)
            throws SQLException {
        Optional<String> rebuilt = SqliteTableRebuild.rebuiltTable(rendered);
        if (rebuilt.isEmpty()) {
            return rendered;
        }
        String table = rebuilt.get();
        Map<String, String> modelled = new TreeMap<>();
        before.table(table).map(Table::indexes).orElse(List.of())
                .forEach(ix -> modelled.put(key(ix.name()), StandardDdl.createIndex(table, ix)));
        Map<String, String> originals = new TreeMap<>();
        List<Statement> unmodelledIndexes = new ArrayList<>();
        List<Statement> triggers = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement("select type, name, sql from sqlite_schema"
                + " where tbl_name = ? collate nocase and type in ('index', 'trigger') and sql is not null"
                + " order by type, rowid")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(2);
                    Statement original = Statement.of(rs.getString(3));
                    if (rs.getString(1).equals("trigger")) {
                        triggers.add(original);
                    } else if (modelled.containsKey(key(name))) {
                        originals.put(key(name), original.sql());
                    } else {
                        unmodelledIndexes.add(original);
                    }
                }
            }
        }
        List<Statement> statements = new ArrayList<>();
        for (Statement statement : rendered) {
            Matcher m = CREATE_INDEX.matcher(statement.sql());
            String name = m.matches() ? key(m.group(1).replace("\"\"", "\"")) : null;
            boolean unchanged = name != null && originals.containsKey(name)
                    && statement.sql().equals(modelled.get(name));
            statements.add(unchanged ? Statement.of(originals.get(name)) : statement);
        }
        statements.addAll(unmodelledIndexes);
        statements.addAll(triggers);
        return List.copyOf(statements);
    }

    /** SQLite compares names case-insensitively (ASCII). */
    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
