package dev.autogen.migrate;

import dev.autogen.sql.mariadb.MariadbNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * InnoDB needs an index whose leading columns are a foreign key's columns. MariaDB makes one for a new foreign key
 * (named as the key) unless an index already serves, and silently drops its own once another index serves; that other
 * index then cannot be dropped ("needed in a foreign key constraint"), so the downgrade of a {@code createIndex} on a
 * foreign-key column would fail. Before an index is dropped, each foreign key that only it serves gets its own index
 * back, named as the key: the index MariaDB would have made, which the catalog reader leaves out of the model, so the
 * catalog afterwards is the one before the dropped index came. Identifiers are quoted by {@link MariadbNames}.
 */
final class MariadbForeignKeyIndexes {
    private MariadbForeignKeyIndexes() {
    }

    /** Gives the foreign keys of {@code table} that only {@code index} serves an index of their own. */
    static void keepWithout(Connection c, String table, String index, Consumer<String> listener) throws SQLException {
        Map<String, List<String>> indexes = columns(c, "select index_name, column_name from"
                + " information_schema.statistics where table_schema = database() and table_name = ?"
                + " order by index_name, seq_in_index", table);
        Map<String, List<String>> foreignKeys = columns(c, "select constraint_name, column_name from"
                + " information_schema.key_column_usage where table_schema = database() and table_name = ?"
                + " and referenced_table_name is not null order by constraint_name, ordinal_position", table);
        for (var foreignKey : foreignKeys.entrySet()) {
            List<String> served = indexes.entrySet().stream()
                    .filter(i -> startsWith(i.getValue(), foreignKey.getValue())).map(Map.Entry::getKey).toList();
            if (served.equals(List.of(index))) {
                String sql = "create index " + MariadbNames.quote(foreignKey.getKey()) + " on "
                        + MariadbNames.table(table) + " (" + String.join(", ",
                                foreignKey.getValue().stream().map(MariadbNames::quote).toList()) + ")";
                listener.accept("note: foreign key " + foreignKey.getKey() + " needs " + index + ", which is dropped:"
                        + " " + sql);
                RevisionRunner.execute(c, sql);
            }
        }
    }

    private static boolean startsWith(List<String> indexColumns, List<String> keyColumns) {
        return indexColumns.size() >= keyColumns.size()
                && indexColumns.subList(0, keyColumns.size()).equals(keyColumns);
    }

    private static Map<String, List<String>> columns(Connection c, String sql, String table) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return columns;
    }
}
