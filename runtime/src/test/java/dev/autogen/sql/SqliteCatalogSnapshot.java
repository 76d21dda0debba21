package dev.autogen.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What SQLite's catalog says, one readable line per fact, read from {@code sqlite_schema} and the
 * {@code pragma_table_xinfo}, {@code pragma_foreign_key_list}, {@code pragma_index_list} and
 * {@code pragma_index_xinfo} table-valued functions. {@link #structure} leaves out the stored {@code create}
 * texts (which {@code alter table} edits in place, so they differ from a fresh {@code create table} while meaning
 * the same); {@link #full} includes them.
 */
public final class SqliteCatalogSnapshot {
    private SqliteCatalogSnapshot() {
    }

    public static List<String> full(Connection connection) throws SQLException {
        List<String> lines = structure(connection);
        try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "select type, name, sql from sqlite_schema where sql is not null and name not like 'sqlite_%'"
                        + " order by type, name")) {
            while (rs.next()) {
                lines.add("sql " + (rs.getString(1).equals("table") ? "" : rs.getString(1) + " ") + rs.getString(2)
                        + ": " + rs.getString(3));
            }
        }
        return lines;
    }

    public static List<String> structure(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' order by name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        List<String> lines = new ArrayList<>();
        for (String table : tables) {
            lines.add("table " + table);
            for (List<String> row : rows(connection, "select name, type, \"notnull\", dflt_value, pk"
                    + " from pragma_table_xinfo(?) order by cid", table)) {
                lines.add("column " + table + "." + row.get(0) + " " + row.get(1)
                        + (row.get(2).equals("1") ? " not null" : "")
                        + (row.get(3) == null ? "" : " default " + row.get(3))
                        + (row.get(4).equals("0") ? "" : " pk " + row.get(4)));
            }
            Map<String, List<String>> fks = new LinkedHashMap<>();
            for (List<String> row : rows(connection, "select id, \"from\", \"table\", \"to\", on_delete"
                    + " from pragma_foreign_key_list(?) order by id, seq", table)) {
                fks.computeIfAbsent(row.get(0), id -> new ArrayList<>()).add(String.join("|", row.subList(1, 5)));
            }
            List<String> fkLines = new ArrayList<>();
            for (List<String> parts : fks.values()) {
                List<String> from = parts.stream().map(p -> p.split("\\|")[0]).toList();
                List<String> to = parts.stream().map(p -> p.split("\\|")[2]).toList();
                String[] first = parts.getFirst().split("\\|");
                fkLines.add("fk " + table + " (" + String.join(", ", from) + ") -> " + first[1] + " ("
                        + String.join(", ", to) + ") on delete " + first[3]);
            }
            fkLines.sort(null);
            lines.addAll(fkLines);
            for (List<String> index : rows(connection, "select name, \"unique\", origin from pragma_index_list(?)"
                    + " order by name", table)) {
                List<String> columns = rows(connection, "select name, \"desc\" from pragma_index_xinfo(?)"
                        + " where key = 1 order by seqno", index.get(0)).stream()
                        .map(c -> c.get(0) + (c.get(1).equals("1") ? " desc" : "")).toList();
                lines.add("index " + table + "." + index.get(0) + (index.get(1).equals("1") ? " unique " : " ")
                        + index.get(2) + " (" + String.join(", ", columns) + ")");
            }
        }
        return lines;
    }

    private static List<List<String>> rows(Connection connection, String sql, String argument) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, argument);
            try (ResultSet rs = statement.executeQuery()) {
                int width = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= width; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
