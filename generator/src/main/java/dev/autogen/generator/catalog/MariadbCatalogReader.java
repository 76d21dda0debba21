package dev.autogen.generator.catalog;

import dev.autogen.migrate.VersionTables;
import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Sequence;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import dev.autogen.sql.mariadb.MariadbNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * MariaDB's catalog reader: {@code information_schema} in seven queries whatever the table count (tables, columns,
 * index keys, constraint kinds, foreign keys, checks, and one {@code union all} over the sequences' own rows for their
 * start and increment). A MariaDB schema is a database; {@code schemaName} null is the connection's
 * {@code database()}.
 *
 * <p>Normalised so that what autogen created reads back equal ({@link MariadbTypeParser} for types): a
 * {@code json_valid(`c`)} check is MariaDB's {@code json} type, not a check; the index MariaDB creates for a foreign
 * key (named as the key) is not an index of the model (check clauses come back with double quotes under
 * {@code ANSI_QUOTES}, with backticks without it); a default of {@code NULL} is none, {@code b'0'}/{@code b'1'}
 * on a {@code bit(1)} are {@code false}/{@code true}, and {@code current_timestamp()}/{@code current_timestamp(6)}/
 * {@code now()} are {@code CURRENT_TIMESTAMP}. With {@code lower_case_table_names} set, the server already stores
 * and reports table names in lower case, which is what is read. The primary key is always called {@code PRIMARY}
 * there, so it is read without a name. A unique index and a unique constraint are the same object on MariaDB; both
 * read as unique constraints.
 */
public final class MariadbCatalogReader implements CatalogReader {
    private static final Pattern JSON_VALID = Pattern.compile("json_valid\\([`\"]([^`\"]+)[`\"]\\)");
    private static final Pattern NOW = Pattern.compile("(?i)current_timestamp(\\(\\d*\\))?|now\\(\\d*\\)");

    @Override
    public Schema read(Connection c, String schemaName) throws SQLException {
        String schema = schemaName != null ? schemaName : database(c);
        Map<String, String> comments = new TreeMap<>();
        List<String> sequenceNames = new ArrayList<>();
        try (ResultSet rs = query(c, "select table_name, table_type, table_comment from information_schema.tables"
                + " where table_schema = ?", schema)) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (VersionTables.isVersionTable(name)) {
                    continue;
                }
                if ("SEQUENCE".equals(rs.getString(2))) {
                    sequenceNames.add(name);
                } else if ("BASE TABLE".equals(rs.getString(2))) {
                    String comment = rs.getString(3);
                    comments.put(name, comment == null || comment.isEmpty() ? null : comment);
                }
            }
        }
        Map<String, List<CheckConstraint>> checks = new TreeMap<>();
        Map<String, Set<String>> jsonColumns = new TreeMap<>();
        try (ResultSet rs = query(c, "select table_name, constraint_name, check_clause"
                + " from information_schema.check_constraints where constraint_schema = ?", schema)) {
            while (rs.next()) {
                var json = JSON_VALID.matcher(rs.getString(3).strip());
                if (json.matches() && json.group(1).equals(rs.getString(2))) {
                    jsonColumns.computeIfAbsent(rs.getString(1), t -> new TreeSet<>()).add(json.group(1));
                } else {
                    checks.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                            .add(new CheckConstraint(rs.getString(2), rs.getString(3).replace("`", "\"")));
                }
            }
        }
        Map<String, List<Column>> columns = new TreeMap<>();
        try (ResultSet rs = query(c, "select table_name, column_name, column_type, is_nullable, column_default, extra,"
                + " column_comment from information_schema.columns where table_schema = ?"
                + " order by table_name, ordinal_position", schema)) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (!comments.containsKey(table)) {
                    continue;
                }
                String name = rs.getString(2);
                ColumnType type = jsonColumns.getOrDefault(table, Set.of()).contains(name) ? new ColumnType.Json(false)
                        : MariadbTypeParser.parse(rs.getString(3));
                String comment = rs.getString(7);
                columns.computeIfAbsent(table, t -> new ArrayList<>()).add(new Column(name, type,
                        "YES".equals(rs.getString(4)), defaultValue(rs.getString(5), type),
                        rs.getString(6).toLowerCase(Locale.ROOT).contains("auto_increment"),
                        comment == null || comment.isEmpty() ? null : comment));
            }
        }
        Map<String, Map<String, String>> constraintKinds = new TreeMap<>();
        try (ResultSet rs = query(c, "select table_name, constraint_name, constraint_type"
                + " from information_schema.table_constraints where constraint_schema = ?", schema)) {
            while (rs.next()) {
                constraintKinds.computeIfAbsent(rs.getString(1), t -> new TreeMap<>()).put(rs.getString(2),
                        rs.getString(3));
            }
        }
        Map<String, List<ForeignKey>> foreignKeys = foreignKeys(c, schema);
        Map<String, Map<String, List<IndexColumn>>> keys = new TreeMap<>();
        Map<String, Set<String>> uniqueIndexes = new TreeMap<>();
        try (ResultSet rs = query(c, "select table_name, index_name, non_unique, column_name, collation, sub_part"
                + " from information_schema.statistics where table_schema = ?"
                + " order by table_name, index_name, seq_in_index", schema)) {
            while (rs.next()) {
                keys.computeIfAbsent(rs.getString(1), t -> new TreeMap<>())
                        .computeIfAbsent(rs.getString(2), i -> new ArrayList<>())
                        .add(new IndexColumn(rs.getString(4), "D".equals(rs.getString(5)),
                                rs.getObject(6) == null ? null : rs.getInt(6)));
                if (rs.getInt(3) == 0) {
                    uniqueIndexes.computeIfAbsent(rs.getString(1), t -> new TreeSet<>()).add(rs.getString(2));
                }
            }
        }
        List<Table> tables = new ArrayList<>();
        for (var entry : comments.entrySet()) {
            String table = entry.getKey();
            PrimaryKey pk = null;
            List<UniqueConstraint> uniques = new ArrayList<>();
            List<Index> indexes = new ArrayList<>();
            Set<String> fkNames = new TreeSet<>();
            foreignKeys.getOrDefault(table, List.of()).forEach(fk -> fkNames.add(fk.name()));
            for (var index : keys.getOrDefault(table, Map.of()).entrySet()) {
                List<String> names = index.getValue().stream().map(IndexColumn::name).toList();
                boolean unique = uniqueIndexes.getOrDefault(table, Set.of()).contains(index.getKey());
                if (index.getKey().equals("PRIMARY")) {
                    pk = new PrimaryKey(null, names);
                } else if (unique && index.getValue().stream().noneMatch(part -> part.descending() || part.length() != null)) {
                    // a unique key over whole columns in their order is a unique constraint; one with a direction or
                    // a prefix length keeps them as a unique index
                    uniques.add(new UniqueConstraint(index.getKey(), names));
                } else if (!(fkNames.contains(index.getKey()) && !unique)) {
                    indexes.add(new Index(index.getKey(), index.getValue(), unique));
                }
            }
            tables.add(new Table(table, columns.getOrDefault(table, List.of()), pk, uniques,
                    foreignKeys.getOrDefault(table, List.of()), checks.getOrDefault(table, List.of()), indexes,
                    entry.getValue()));
        }
        return new Schema(tables, sequences(c, schema, sequenceNames));
    }

    private static Map<String, List<ForeignKey>> foreignKeys(Connection c, String schema) throws SQLException {
        Map<String, Map<String, ForeignKey>> byTable = new TreeMap<>();
        try (ResultSet rs = query(c, "select k.table_name, k.constraint_name, k.column_name, k.referenced_table_schema,"
                + " k.referenced_table_name, k.referenced_column_name, r.delete_rule"
                + " from information_schema.key_column_usage k join information_schema.referential_constraints r"
                + " on r.constraint_schema = k.constraint_schema and r.table_name = k.table_name"
                + " and r.constraint_name = k.constraint_name"
                + " where k.table_schema = ? and k.referenced_table_name is not null"
                + " order by k.table_name, k.constraint_name, k.ordinal_position", schema)) {
            while (rs.next()) {
                String table = rs.getString(1);
                String referenced = schema.equals(rs.getString(4)) ? rs.getString(5)
                        : rs.getString(4) + "." + rs.getString(5);
                Map<String, ForeignKey> keys = byTable.computeIfAbsent(table, t -> new LinkedHashMap<>());
                ForeignKey fk = keys.get(rs.getString(2));
                List<String> cols = new ArrayList<>(fk == null ? List.of() : fk.columns());
                List<String> refs = new ArrayList<>(fk == null ? List.of() : fk.referencedColumns());
                cols.add(rs.getString(3));
                refs.add(rs.getString(6));
                keys.put(rs.getString(2), new ForeignKey(rs.getString(2), cols, referenced, refs,
                        action(rs.getString(7))));
            }
        }
        Map<String, List<ForeignKey>> result = new TreeMap<>();
        byTable.forEach((table, keys) -> result.put(table, List.copyOf(keys.values())));
        return result;
    }

    /** MariaDB reports an unspecified action as {@code RESTRICT}, which is what {@code NO ACTION} does there. */
    private static ReferentialAction action(String rule) {
        return switch (rule.toUpperCase(Locale.ROOT)) {
            case "CASCADE" -> ReferentialAction.CASCADE;
            case "SET NULL" -> ReferentialAction.SET_NULL;
            case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    private static List<Sequence> sequences(Connection c, String schema, List<String> names) throws SQLException {
        if (names.isEmpty()) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            parts.add("select " + dev.autogen.sql.SqlText.of(dev.autogen.sql.Dialect.MARIADB).literal(name)
                    + ", start_value, increment from " + MariadbNames.quote(schema) + "." + MariadbNames.quote(name));
        }
        List<Sequence> sequences = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(String.join(" union all ", parts))) {
            while (rs.next()) {
                sequences.add(new Sequence(rs.getString(1), rs.getLong(2), rs.getLong(3)));
            }
        }
        return sequences;
    }

    private static String defaultValue(String value, ColumnType type) {
        if (value == null || value.equalsIgnoreCase("NULL")) {
            return null;
        }
        if (type instanceof ColumnType.BooleanType) {
            return switch (value) {
                case "b'0'", "0" -> "false";
                case "b'1'", "1" -> "true";
                default -> value;
            };
        }
        return NOW.matcher(value).matches() ? "CURRENT_TIMESTAMP" : value;
    }

    private static String database(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static ResultSet query(Connection c, String sql, String schema) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        st.setString(1, schema);
        st.closeOnCompletion();
        return st.executeQuery();
    }
}
