package dev.autogen.generator.catalog;

import dev.autogen.migrate.VersionTables;
import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.EnumType;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.Policy;
import dev.autogen.schema.PolicyCommand;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.RowLevelSecurity;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Sequence;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a PostgreSQL schema from {@code pg_catalog} with seven bulk queries (tables with their row-level security
 * switches, columns, constraints, indexes, policies, sequences, named enum types), whatever the number of tables: a
 * catalog of hundreds of tables costs the same seven round trips. A column of an enum type has the type
 * {@link ColumnType.Native} with the type name as {@code format_type} prints it.
 *
 * <p>Checks and defaults come back in portable form ({@link PostgresExpressions}); types are parsed from
 * {@code format_type} ({@link PostgresTypeParser}). Left out: autogen's version tables, views, partitions, temporary
 * tables, indexes owned by a constraint (they are the constraint), indexes on expressions, sequences owned by identity
 * columns or by version tables. Identity columns carry no default; a generated column's expression is not a default
 * and is dropped. Index predicates (partial indexes) are not read.
 */
public final class PostgresCatalogReader implements CatalogReader {
    private int lastRoundTrips;

    /** How many queries the last {@link #read} sent: constant, whatever the number of tables. */
    public int lastRoundTrips() {
        return lastRoundTrips;
    }

    @Override
    public Schema read(Connection connection, String schemaName) throws SQLException {
        return read(connection, schemaName, Set.of());
    }

    /**
     * Reads the default schema's tables under their own names and those of {@code otherSchemas} under
     * {@code schema.name} ({@link dev.autogen.schema.QualifiedName}), in the same seven queries.
     */
    @Override
    public Schema read(Connection connection, String schemaName, Set<String> otherSchemas) throws SQLException {
        return readWith(connection, null, schemaName, otherSchemas);
    }

    /**
     * Reads as {@link #read(Connection, String, Set)} does; with {@code more}, the queries after the columns are sent
     * on a second connection while this one reads the tables and columns ({@link PrefetchedQueries}), and their rows
     * are consumed afterwards in the same order, so the schema is the same.
     */
    @Override
    public Schema read(Connection connection, Connections more, String schemaName, Set<String> otherSchemas)
            throws SQLException {
        try (PrefetchedQueries prefetched = more == null ? null
                : PrefetchedQueries.start(more, LATER, schemaName, otherSchemas)) {
            return readWith(connection, prefetched, schemaName, otherSchemas);
        }
    }

    /** The queries that need only the tables' and columns' rows before theirs: those a second connection may send. */
    private static final List<PrefetchedQueries.Query> LATER = List.of(
            new PrefetchedQueries.Query(PostgresCatalogQueries.CONSTRAINTS, true),
            new PrefetchedQueries.Query(PostgresCatalogQueries.INDEXES, true),
            new PrefetchedQueries.Query(PostgresCatalogQueries.POLICIES, true),
            new PrefetchedQueries.Query(PostgresCatalogQueries.SEQUENCES, true),
            new PrefetchedQueries.Query(PostgresCatalogQueries.ENUM_TYPES, false));

    private Schema readWith(Connection connection, PrefetchedQueries prefetched, String schemaName,
                            Set<String> otherSchemas) throws SQLException {
        lastRoundTrips = 0;
        Array others = connection.createArrayOf("text", new TreeSet<>(otherSchemas).toArray());
        Map<String, TableParts> tables = new TreeMap<>();
        query(connection, PostgresCatalogQueries.TABLES, schemaName, others, rs -> {
            if (!VersionTables.isVersionTable(rs.getString(1))) {
                tables.put(rs.getString(1), new TableParts(rs.getString(2),
                        new RowLevelSecurity(rs.getBoolean(3), rs.getBoolean(4))));
            }
        });
        // every column of the schema's tables (version tables included) by number, to resolve constraint keys
        Map<String, Map<Integer, String>> columnNames = new HashMap<>();
        // each spelling parsed once: thousands of tables share a few dozen types and check shapes
        Map<String, ColumnType> types = new HashMap<>();
        Map<String, String> checks = new HashMap<>();
        query(connection, PostgresCatalogQueries.COLUMNS, schemaName, others, rs -> {
            columnNames.computeIfAbsent(rs.getString(1), name -> new HashMap<>()).put(rs.getInt(9), rs.getString(2));
            TableParts table = tables.get(rs.getString(1));
            if (table != null) {
                table.columns.add(column(rs, types));
            }
        });
        query(connection, prefetched, PostgresCatalogQueries.CONSTRAINTS, schemaName, others, rs -> {
            TableParts table = tables.get(rs.getString(1));
            if (table != null) {
                constraint(table, rs, columnNames, checks);
            }
        });
        query(connection, prefetched, PostgresCatalogQueries.INDEXES, schemaName, others, rs -> {
            TableParts table = tables.get(rs.getString(1));
            if (table != null) {
                // attnum 0: an expression (the index is left out below)
                String column = columnNames.getOrDefault(rs.getString(1), Map.of()).get(rs.getInt(4));
                table.indexes.computeIfAbsent(rs.getString(2), name -> new IndexParts(unique(rs)))
                        .columns.add(column == null ? null : new IndexColumn(column, rs.getBoolean(5)));
            }
        });
        query(connection, prefetched, PostgresCatalogQueries.POLICIES, schemaName, others, rs -> {
            TableParts table = tables.get(rs.getString(1));
            if (table != null) {
                table.policies.add(policy(rs));
            }
        });
        List<Sequence> sequences = new ArrayList<>();
        query(connection, prefetched, PostgresCatalogQueries.SEQUENCES, schemaName, others, rs -> {
            String owner = rs.getString(4);
            boolean identity = rs.getBoolean(5);
            if (!identity && (owner == null || !VersionTables.isVersionTable(owner))) {
                sequences.add(new Sequence(rs.getString(1), rs.getLong(2), rs.getLong(3)));
            }
        });
        List<EnumType> enumTypes = new ArrayList<>();
        query(connection, prefetched, PostgresCatalogQueries.ENUM_TYPES, schemaName, null, rs -> enumTypes.add(
                new EnumType(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()))));
        List<Table> result = new ArrayList<>();
        tables.forEach((name, parts) -> result.add(parts.toTable(name)));
        return new Schema(result, sequences, enumTypes);
    }

    private static boolean unique(ResultSet rs) {
        try {
            return rs.getBoolean(3);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_index.indisunique", e);
        }
    }

    private static Column column(ResultSet rs, Map<String, ColumnType> types) throws SQLException {
        ColumnType type = types.computeIfAbsent(rs.getString(3), PostgresTypeParser::parse);
        boolean identity = !rs.getString(6).isEmpty();
        boolean generated = !rs.getString(8).isEmpty();
        String defaultValue = identity || generated ? null : PostgresExpressions.portableDefault(rs.getString(5), type);
        return new Column(rs.getString(2), type, !rs.getBoolean(4), defaultValue, identity, rs.getString(7));
    }

    /** A policy, permissive or restrictive ({@code pg_policy.polpermissive}). */
    private static Policy policy(ResultSet rs) throws SQLException {
        PolicyCommand command = switch (rs.getString(3)) {
            case "r" -> PolicyCommand.SELECT;
            case "a" -> PolicyCommand.INSERT;
            case "w" -> PolicyCommand.UPDATE;
            case "d" -> PolicyCommand.DELETE;
            default -> PolicyCommand.ALL;
        };
        List<String> roles = Arrays.asList((String[]) rs.getArray(5).getArray());
        return new Policy(rs.getString(2), command, roles, PostgresExpressions.policyExpression(rs.getString(6)),
                PostgresExpressions.policyExpression(rs.getString(7)), !rs.getBoolean(4));
    }

    private static void constraint(TableParts table, ResultSet rs, Map<String, Map<Integer, String>> columnNames,
                                   Map<String, String> checks) throws SQLException {
        String name = rs.getString(2);
        List<String> columns = names(rs.getString(4), columnNames.get(rs.getString(1)));
        switch (rs.getString(3)) {
            case "p" -> table.primaryKey = new PrimaryKey(name, columns);
            case "u" -> table.uniques.add(new UniqueConstraint(name, columns));
            case "f" -> table.foreignKeys.add(new ForeignKey(name, columns, rs.getString(5),
                    rs.getArray(9) != null ? Arrays.asList((String[]) rs.getArray(9).getArray())
                            : names(rs.getString(6), columnNames.get(rs.getString(5))),
                    action(rs.getString(7))));
            case "c" -> table.checks.add(new CheckConstraint(name,
                    checks.computeIfAbsent(rs.getString(8), PostgresExpressions::portableCheck)));
            default -> throw new IllegalStateException("unexpected constraint type " + rs.getString(3));
        }
    }

    /**
     * The names of the column numbers {@code attnums} (an {@code int2[]} as PostgreSQL prints it, {@code {2,1}}, in
     * key order) of one table; what the server's {@code array(select attname ...)} per constraint gave before, without
     * a subquery per row. Read as text: the driver's array objects cost more than the numbers (20 000 constraints at
     * 5 500 tables, on the catalog read's critical path).
     */
    private static List<String> names(String attnums, Map<Integer, String> byNumber) throws SQLException {
        if (attnums == null || attnums.length() < 3) {
            return List.of(); // a check on no column, e.g. CHECK (true)
        }
        String[] numbers = attnums.substring(1, attnums.length() - 1).split(",");
        List<String> names = new ArrayList<>(numbers.length);
        for (String number : numbers) {
            String column = byNumber == null ? null : byNumber.get(Integer.parseInt(number));
            if (column == null) {
                throw new SQLException("constraint key column " + number + " is not among the columns read");
            }
            names.add(column);
        }
        return List.copyOf(names);
    }

    private static ReferentialAction action(String confdeltype) {
        return switch (confdeltype) {
            case "r" -> ReferentialAction.RESTRICT;
            case "c" -> ReferentialAction.CASCADE;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Consumes the rows of one of the {@link #LATER} queries: sent by {@code prefetched} if it could, else sent now. */
    private void query(Connection connection, PrefetchedQueries prefetched, String sql, String schemaName,
                       Array others, RowConsumer consumer) throws SQLException {
        ResultSet rs = prefetched == null ? null : prefetched.result(sql);
        if (rs == null) {
            query(connection, sql, schemaName, others, consumer);
            return;
        }
        lastRoundTrips++;
        while (rs.next()) {
            consumer.accept(rs);
        }
    }

    /** Runs one query; {@code others} is its second parameter, or null for a query that takes only the first. */
    private void query(Connection connection, String sql, String schemaName, Array others, RowConsumer consumer)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schemaName);
            if (others != null) {
                statement.setArray(2, others);
            }
            lastRoundTrips++;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        }
    }

    /** A table's pieces as the queries deliver them. */
    private static final class TableParts {
        final String comment;
        final RowLevelSecurity rowLevelSecurity;
        final List<Policy> policies = new ArrayList<>();
        final List<Column> columns = new ArrayList<>();
        PrimaryKey primaryKey;
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final Map<String, IndexParts> indexes = new LinkedHashMap<>();

        TableParts(String comment, RowLevelSecurity rowLevelSecurity) {
            this.comment = comment;
            this.rowLevelSecurity = rowLevelSecurity;
        }

        Table toTable(String name) {
            List<Index> plainIndexes = new ArrayList<>();
            indexes.forEach((indexName, parts) -> {
                if (!parts.columns.contains(null)) {
                    plainIndexes.add(new Index(indexName, parts.columns, parts.unique));
                }
            });
            return new Table(name, columns, primaryKey, uniques, foreignKeys, checks, plainIndexes, comment,
                    rowLevelSecurity, policies);
        }
    }

    private static final class IndexParts {
        final boolean unique;
        final List<IndexColumn> columns = new ArrayList<>();

        IndexParts(boolean unique) {
            this.unique = unique;
        }
    }
}
