package dev.autogen.sql.sqlite;

import dev.autogen.migrate.VersionTables;
import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.ConstraintNames;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import dev.autogen.sql.sqlite.SqliteCreateTableConstraint.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a live SQLite database into a {@link Schema}. It lives in the runtime because a SQLite table rebuild (the only
 * way to alter most things there) needs the live definition of the table it rebuilds; the generator's catalog reader
 * delegates to it.
 *
 * <p>Four queries whatever the number of tables: {@code sqlite_schema} joined with the table-valued pragmas
 * {@code pragma_table_xinfo}, {@code pragma_index_list}/{@code pragma_index_xinfo} and {@code pragma_foreign_key_list}.
 * The pragmas know neither constraint names nor check constraints, so those are parsed from the {@code CREATE TABLE}
 * text ({@link SqliteCreateTableParser}); unnamed constraints get autogen's conventional names
 * ({@link ConstraintNames}).
 *
 * <p>Left out: SQLite's own tables ({@code sqlite_%}), Hibernate's temporary-table stand-ins ({@code HT_%},
 * {@code HTE_%}), autogen's version tables, indexes on expressions. SQLite has no comments and no sequences.
 * A single-column {@code INTEGER} primary key of a rowid table is an alias of the rowid: it is read as an identity
 * column that is not nullable (whatever PRAGMA's {@code notnull} says, it cannot hold NULL).
 */
public final class SqliteSchemaReader {
    private static final String TABLES = "m.type = 'table' and m.name not like 'sqlite\\_%' escape '\\'";

    private SqliteSchemaReader() {
    }

    /** Every user table of the connection's main database. */
    public static Schema read(Connection connection) throws SQLException {
        return new Schema(readTables(connection, null), List.of());
    }

    /** The live definition of one table (name compared case-insensitively, as SQLite does), or empty. */
    public static Optional<Table> readTable(Connection connection, String table) throws SQLException {
        return readTables(connection, table).stream().findFirst();
    }

    private static List<Table> readTables(Connection connection, String only) throws SQLException {
        String filter = TABLES + (only == null ? "" : " and lower(m.name) = lower(?)");
        Map<String, String> sqlByTable = new TreeMap<>();
        query(connection, "select m.name, m.sql from sqlite_schema m where " + filter + " order by m.name", only,
                rs -> {
                    if (isOwnTable(rs.getString(1))) {
                        sqlByTable.put(rs.getString(1), rs.getString(2));
                    }
                });
        Map<String, List<RawColumn>> columns = new TreeMap<>();
        query(connection, "select m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk from sqlite_schema m"
                + " join pragma_table_xinfo(m.name) p where " + filter + " and p.hidden <> 1 order by m.name, p.cid",
                only, rs -> columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new RawColumn(
                        rs.getString(2), rs.getString(3), rs.getInt(4) != 0, rs.getString(5), rs.getInt(6))));
        Map<String, Map<String, RawIndex>> indexes = new TreeMap<>();
        query(connection, "select m.name, il.name, il.\"unique\", il.origin, ix.name, ix.\"desc\" from sqlite_schema m"
                + " join pragma_index_list(m.name) il join pragma_index_xinfo(il.name) ix where " + filter
                + " and ix.key = 1 order by m.name, il.name, ix.seqno", only, rs -> {
                    boolean unique = rs.getInt(3) != 0;
                    String origin = rs.getString(4);
                    RawIndex index = indexes.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).computeIfAbsent(
                            rs.getString(2), k -> new RawIndex(k, unique, origin, new ArrayList<>()));
                    index.columns().add(rs.getString(5) == null ? null : new IndexColumn(rs.getString(5), rs.getInt(6) != 0));
                });
        Map<String, Map<Integer, RawForeignKey>> foreignKeys = new TreeMap<>();
        query(connection, "select m.name, f.id, f.\"table\", f.\"from\", coalesce(f.\"to\", (select r.name from"
                + " pragma_table_xinfo(f.\"table\") r where r.pk = f.seq + 1)), f.on_delete from sqlite_schema m"
                + " join pragma_foreign_key_list(m.name) f where " + filter + " order by m.name, f.id, f.seq", only,
                rs -> {
                    String referencedTable = rs.getString(3);
                    String onDelete = rs.getString(6);
                    RawForeignKey key = foreignKeys.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                            .computeIfAbsent(rs.getInt(2), k -> new RawForeignKey(referencedTable, onDelete,
                                    new ArrayList<>(), new ArrayList<>()));
                    key.columns().add(rs.getString(4));
                    // a parent table that does not exist (SQLite allows it) has no key to name: assume same names
                    key.referencedColumns().add(rs.getString(5) != null ? rs.getString(5) : rs.getString(4));
                });
        List<Table> tables = new ArrayList<>();
        for (Map.Entry<String, String> entry : sqlByTable.entrySet()) {
            String name = entry.getKey();
            tables.add(assemble(name, SqliteCreateTableParser.parse(entry.getValue() == null ? "" : entry.getValue()),
                    columns.getOrDefault(name, List.of()), indexes.getOrDefault(name, Map.of()).values(),
                    foreignKeys.getOrDefault(name, Map.of()).values()));
        }
        return tables;
    }

    private static boolean isOwnTable(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return !upper.startsWith("HT_") && !upper.startsWith("HTE_") && !VersionTables.isVersionTable(name);
    }

    private static Table assemble(String table, SqliteCreateTableParser.Definition definition, List<RawColumn> raw,
                                  Iterable<RawIndex> rawIndexes, Iterable<RawForeignKey> rawForeignKeys) {
        List<RawColumn> keyColumns = raw.stream().filter(c -> c.pk() > 0)
                .sorted((a, b) -> Integer.compare(a.pk(), b.pk())).toList();
        boolean rowidAlias = !definition.withoutRowid() && keyColumns.size() == 1
                && "integer".equalsIgnoreCase(keyColumns.get(0).declaredType().strip());
        List<Column> columns = new ArrayList<>();
        for (RawColumn c : raw) {
            boolean identity = rowidAlias && c.pk() == 1;
            ColumnType type = SqliteSchemaTypes.parse(c.declaredType());
            String defaultValue = c.defaultValue() == null ? null
                    : SqliteCreateTableParser.withoutOuterParentheses(c.defaultValue());
            columns.add(new Column(c.name(), type, !c.notNull() && !identity, defaultValue, identity, null));
        }
        PrimaryKey primaryKey = keyColumns.isEmpty() ? null : new PrimaryKey(
                declaredName(definition, Kind.PRIMARY_KEY, keyColumns.stream().map(RawColumn::name).toList()),
                keyColumns.stream().map(RawColumn::name).toList());
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        for (RawIndex index : rawIndexes) {
            if (index.columns().contains(null) || "pk".equals(index.origin())) {
                continue; // an index on an expression, or the primary key's own index
            }
            List<String> names = index.columns().stream().map(IndexColumn::name).toList();
            if ("u".equals(index.origin())) {
                String name = declaredName(definition, Kind.UNIQUE, names);
                uniques.add(new UniqueConstraint(name != null ? name : ConstraintNames.unique(table, names), names));
            } else {
                indexes.add(new Index(index.name(), index.columns(), index.unique()));
            }
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (RawForeignKey key : rawForeignKeys) {
            String name = declaredName(definition, Kind.FOREIGN_KEY, key.columns());
            foreignKeys.add(new ForeignKey(
                    name != null ? name : ConstraintNames.foreignKey(table, key.columns(), key.referencedTable()),
                    key.columns(), key.referencedTable(), key.referencedColumns(), action(key.onDelete())));
        }
        return new Table(table, columns, primaryKey, uniques, foreignKeys, checks(table, definition), indexes, null);
    }

    private static List<CheckConstraint> checks(String table, SqliteCreateTableParser.Definition definition) {
        List<CheckConstraint> checks = new ArrayList<>();
        Map<String, Integer> perColumn = new LinkedHashMap<>();
        int tableOrdinal = 0;
        for (SqliteCreateTableConstraint c : definition.constraints()) {
            if (c.kind() != Kind.CHECK) {
                continue;
            }
            String name = c.name();
            if (name == null && c.columnLevel()) {
                String column = c.columns().get(0);
                int seen = perColumn.merge(column.toLowerCase(Locale.ROOT), 1, Integer::sum);
                name = ConstraintNames.columnCheck(table, column + (seen > 1 ? "_" + seen : ""));
            } else if (name == null) {
                name = ConstraintNames.tableCheck(table, ++tableOrdinal);
            }
            checks.add(new CheckConstraint(name, c.expression()));
        }
        return checks;
    }

    /** The name written with {@code CONSTRAINT name} for the constraint of this kind on exactly these columns. */
    private static String declaredName(SqliteCreateTableParser.Definition definition, Kind kind, List<String> columns) {
        List<String> wanted = columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        return definition.constraints().stream()
                .filter(c -> c.kind() == kind && c.name() != null)
                .filter(c -> c.columns().stream().map(x -> x.toLowerCase(Locale.ROOT)).toList().equals(wanted))
                .map(SqliteCreateTableConstraint::name)
                .findFirst().orElse(null);
    }

    private static ReferentialAction action(String onDelete) {
        return switch (onDelete == null ? "" : onDelete.toUpperCase(Locale.ROOT)) {
            case "CASCADE" -> ReferentialAction.CASCADE;
            case "RESTRICT" -> ReferentialAction.RESTRICT;
            case "SET NULL" -> ReferentialAction.SET_NULL;
            case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String sql, String only, RowConsumer consumer) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (only != null) {
                statement.setString(1, only);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        }
    }

    private record RawColumn(String name, String declaredType, boolean notNull, String defaultValue, int pk) {
    }

    private record RawIndex(String name, boolean unique, String origin, List<IndexColumn> columns) {
    }

    private record RawForeignKey(String referencedTable, String onDelete, List<String> columns,
                                 List<String> referencedColumns) {
    }
}
