package dev.autogen.generator.project;

import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.jpa.CitusLayout;
import dev.autogen.op.CreateTable;
import dev.autogen.op.ExecuteDialectSql;
import dev.autogen.op.Operation;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Citus steps of a generated revision: for each table the plan creates and the entities declare
 * {@code @ReferenceTable} or {@code @Distributed}, a {@code create_reference_table} / {@code create_distributed_table}
 * call right after the plan's last {@code CreateTable} (reference tables first, so that distributed tables created in
 * the same revision may reference them). They are written as PostgreSQL-only SQL with a reverse (SQLite runs
 * nothing). Before that, {@link #check} refuses a distributed table whose primary key or a unique key leaves out the
 * distribution column, which Citus cannot enforce.
 */
final class CitusSteps {
    private static final SqlText TEXT = SqlText.of(Dialect.POSTGRESQL);

    private CitusSteps() {
    }

    /**
     * Refuses (exit 2, one line) the first distributed table of {@code entities} whose primary key or a unique
     * constraint or index does not contain its distribution column, or that has no such column.
     */
    static void check(CitusLayout layout, Schema entities) {
        for (Map.Entry<String, String> entry : layout.distributed().entrySet()) {
            String name = entry.getKey();
            String column = entry.getValue();
            Table table = entities.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
            if (table == null) {
                continue;
            }
            if (table.columns().stream().noneMatch(c -> c.name().equals(column))) {
                throw new UsageException("@Distributed(column = \"" + column + "\") on table " + name + ": it has no"
                        + " such column; name one of its columns");
            }
            List<String> keys = new ArrayList<>();
            if (table.primaryKey() != null && !table.primaryKey().columns().contains(column)) {
                keys.add("primary key (" + String.join(", ", table.primaryKey().columns()) + ")");
            }
            for (UniqueConstraint unique : table.uniqueConstraints()) {
                if (!unique.columns().contains(column)) {
                    keys.add("unique " + unique.name() + " (" + String.join(", ", unique.columns()) + ")");
                }
            }
            for (Index index : table.indexes()) {
                List<String> columns = index.columns().stream().map(IndexColumn::name).toList();
                if (index.unique() && !columns.contains(column)) {
                    keys.add("unique index " + index.name() + " (" + String.join(", ", columns) + ")");
                }
            }
            if (!keys.isEmpty()) {
                throw new UsageException("table " + name + " is distributed by " + column + ", but its "
                        + String.join(", ", keys) + " leave" + (keys.size() == 1 ? "s" : "") + " it out: Citus"
                        + " enforces a key only when it contains the distribution column — add " + column
                        + " to the key, or make the table a @ReferenceTable; nothing was written");
            }
        }
    }

    /** {@code plan} with the Citus calls for the tables it creates; {@code plan} itself when there are none. */
    static List<Operation> withSteps(List<Operation> plan, CitusLayout layout) {
        Set<String> created = plan.stream().filter(CreateTable.class::isInstance)
                .map(op -> ((CreateTable) op).table().name()).collect(Collectors.toSet());
        List<Operation> steps = new ArrayList<>();
        layout.reference().stream().filter(created::contains).forEach(t -> steps.add(reference(t)));
        layout.distributed().forEach((t, column) -> {
            if (created.contains(t)) {
                steps.add(distributed(t, column));
            }
        });
        if (steps.isEmpty()) {
            return plan;
        }
        int lastCreate = 0;
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i) instanceof CreateTable) {
                lastCreate = i;
            }
        }
        List<Operation> result = new ArrayList<>(plan.subList(0, lastCreate + 1));
        result.addAll(steps);
        result.addAll(plan.subList(lastCreate + 1, plan.size()));
        return result;
    }

    static ExecuteDialectSql reference(String table) {
        return postgresOnly("select create_reference_table(" + regclass(table) + ")",
                "select undistribute_table(" + regclass(table) + ")");
    }

    static ExecuteDialectSql distributed(String table, String column) {
        return postgresOnly("select create_distributed_table(" + regclass(table) + ", " + TEXT.literal(column) + ")",
                "select undistribute_table(" + regclass(table) + ")");
    }

    private static String regclass(String table) {
        return TEXT.literal(DdlRenderer.quoteTable(table));
    }

    private static ExecuteDialectSql postgresOnly(String sql, String reverse) {
        return new ExecuteDialectSql(Map.of(Dialect.POSTGRESQL, sql, Dialect.SQLITE, ""),
                Map.of(Dialect.POSTGRESQL, reverse, Dialect.SQLITE, ""));
    }
}
