package dev.autogen.test;

import dev.autogen.generator.catalog.CatalogReader;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.EnumType;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.mariadb.MariadbNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Generated rows for the tables of a database, so that a data migration is tested where it will run: on data. Each
 * table gets {@link #ROWS_PER_TABLE} rows, tables filled parents first (by foreign key). A value is made from the
 * column's logical type and the row's number, so values of one column differ from row to row (unique constraints and
 * primary keys hold); a foreign key takes the key of a parent row; a value listed by a check ({@code IN (...)}, {@code
 * = ANY (ARRAY[...])}) or an enum type is taken from that list; identity columns are left to the database. Other
 * checks are not solved: a table whose rows they reject is reported by name with the database's message (a project
 * then overrides {@link MigrationTestSuite#insertRowsBefore}).
 */
public final class SampleRows {
    static final int ROWS_PER_TABLE = 3;

    private final Dialect dialect;
    private final Schema schema;

    private SampleRows(Dialect dialect, Schema schema) {
        this.dialect = dialect;
        this.schema = schema;
    }

    /**
     * Fills every table of the connection's default schema (autogen's version tables left out) with
     * {@link #ROWS_PER_TABLE} generated rows: what {@link MigrationTestSuite#insertRowsBefore} does unless a project
     * overrides it, and what an override may call before adding rows of its own.
     *
     * @throws SQLException when the catalog cannot be read
     * @throws IllegalStateException naming the table and row the database refused, and why
     */
    public static void insert(Connection connection, Dialect dialect) throws SQLException {
        Schema schema = CatalogReader.forDialect(dialect).read(connection, null);
        new SampleRows(dialect, schema).fill(connection);
    }

    private void fill(Connection connection) throws SQLException {
        Map<String, List<Map<String, Object>>> filled = new LinkedHashMap<>();
        for (Table table : ForeignKeyOrder.parentsFirst(schema.tables())) {
            insertRows(connection, table, filled);
            filled.put(table.name(), rowsOf(connection, table.name()));
        }
    }

    private void insertRows(Connection connection, Table table, Map<String, List<Map<String, Object>>> filled) {
        List<Column> columns = table.columns().stream().filter(c -> !c.identity()).toList();
        if (columns.isEmpty()) {
            return;
        }
        DdlRenderer renderer = DdlRenderer.forDialect(dialect);
        String sql = "insert into " + table(table.name()) + " ("
                + columns.stream().map(c -> renderer.quote(c.name())).collect(Collectors.joining(", "))
                + ") values (" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        for (int row = 0; row < ROWS_PER_TABLE; row++) {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (int i = 0; i < columns.size(); i++) {
                    bind(insert, i + 1, table, columns.get(i), row, filled);
                }
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot insert sample row " + (row + 1)
                        + " into " + table.name() + ": " + e.getMessage().strip()
                        + " (the kit makes values from column types, foreign keys and value-list checks only:"
                        + " put rows of your own in with MigrationTestSuite.insertRowsBefore)", e);
            }
        }
    }

    private void bind(PreparedStatement insert, int index, Table table, Column column, int row,
                      Map<String, List<Map<String, Object>>> filled) throws SQLException {
        for (ForeignKey fk : table.foreignKeys()) {
            int position = fk.columns().indexOf(column.name());
            if (position < 0) {
                continue;
            }
            List<Map<String, Object>> parents = fk.referencedTable().equals(table.name()) ? List.of()
                    : filled.getOrDefault(fk.referencedTable(), List.of());
            if (parents.isEmpty()) {
                insert.setObject(index, null);
            } else {
                String referenced = referencedColumn(fk, position);
                insert.setObject(index, valueOf(parents.get(row % parents.size()), referenced));
            }
            return;
        }
        SampleValue value = SampleValue.of(column.type(), row, listedValues(table, column));
        value.bind(insert, index, dialect);
    }

    private String referencedColumn(ForeignKey fk, int position) {
        if (!fk.referencedColumns().isEmpty()) {
            return fk.referencedColumns().get(position);
        }
        return schema.table(fk.referencedTable()).map(Table::primaryKey)
                .map(pk -> pk.columns().get(position)).orElseThrow(() -> new IllegalStateException(
                        "foreign key " + fk.name() + " references " + fk.referencedTable() + " without columns"
                                + " and that table has no primary key"));
    }

    private static Object valueOf(Map<String, Object> row, String column) {
        if (row.containsKey(column)) {
            return row.get(column);
        }
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** The values a check or an enum type allows in {@code column}, or empty when nothing lists them. */
    private List<String> listedValues(Table table, Column column) {
        if (column.type() instanceof ColumnType.Native(String sql)) {
            for (EnumType enumType : schema.enumTypes()) {
                if (enumType.name().equalsIgnoreCase(sql) || sql.endsWith("." + enumType.name())) {
                    return enumType.values();
                }
            }
        }
        return table.checks().stream().map(check -> CheckLists.allowed(check.expression(), column.name()))
                .filter(values -> !values.isEmpty()).findFirst().orElse(List.of());
    }

    /**
     * A table's name quoted as its database quotes it whatever the session: {@link #insert} may be given any
     * connection, and on MariaDB one without the migrator's {@code ANSI_QUOTES} reads double quotes as a string.
     */
    private String table(String name) {
        return switch (dialect) {
            case POSTGRESQL, SQLITE -> DdlRenderer.quoteTable(name);
            case MARIADB -> MariadbNames.table(name);
        };
    }

    private List<Map<String, Object>> rowsOf(Connection connection, String table) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select * from " + table(table));
             ResultSet rs = select.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
