package dev.autogen.generator.diff;

import dev.autogen.op.AddCheckConstraint;
import dev.autogen.op.AddColumn;
import dev.autogen.op.AddForeignKey;
import dev.autogen.op.AddPrimaryKey;
import dev.autogen.op.AddUniqueConstraint;
import dev.autogen.op.AlterColumn;
import dev.autogen.op.AlterEnumType;
import dev.autogen.op.Backfill;
import dev.autogen.op.AlterSequence;
import dev.autogen.op.CreateEnumType;
import dev.autogen.op.DropEnumType;
import dev.autogen.op.CreateIndex;
import dev.autogen.op.CreatePolicy;
import dev.autogen.op.CreateSequence;
import dev.autogen.op.CreateTable;
import dev.autogen.op.DropCheckConstraint;
import dev.autogen.op.DropColumn;
import dev.autogen.op.DropForeignKey;
import dev.autogen.op.DropIndex;
import dev.autogen.op.DropPolicy;
import dev.autogen.op.DropPrimaryKey;
import dev.autogen.op.DropSequence;
import dev.autogen.op.DropTable;
import dev.autogen.op.DropUniqueConstraint;
import dev.autogen.op.ExecuteDialectSql;
import dev.autogen.op.ExecuteSql;
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.op.RenameTable;
import dev.autogen.op.RunCallback;
import dev.autogen.op.SetComment;
import dev.autogen.op.SetRowLevelSecurity;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * Test-only: applies a plan to a {@link Schema} and refuses, as a strict database would, every step whose
 * prerequisites are missing (a foreign key to a table or key that does not exist yet, a dropped column still used by a
 * constraint, a dropped table still referenced, a drop whose recorded definition is not what is there). So a plan that
 * applies cleanly is correctly ordered and its drops are reversible.
 */
final class SchemaApplier {
    private SchemaApplier() {
    }

    /** Applies {@code plan}; types are compared as {@code dialect} spells them (a retype under a foreign key fails). */
    static Schema apply(Schema schema, List<Operation> plan, Dialect dialect) {
        DdlRenderer renderer = DdlRenderer.forDialect(dialect);
        BiPredicate<ColumnType, ColumnType> sameType = (a, b) -> renderer.typeSql(a).equalsIgnoreCase(renderer.typeSql(b));
        Schema current = schema;
        for (Operation op : plan) {
            try {
                current = apply(current, op, sameType);
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw new AssertionError("cannot apply " + OperationText.line(op) + ": " + e.getMessage(), e);
            }
        }
        return current;
    }

    static List<Operation> reverse(List<Operation> plan) {
        List<Operation> out = new ArrayList<>();
        for (int i = plan.size() - 1; i >= 0; i--) {
            out.add(plan.get(i).reverse());
        }
        return out;
    }

    private static Schema apply(Schema s, Operation op, BiPredicate<ColumnType, ColumnType> sameType) {
        return switch (op) {
            case CreateTable(Table t) -> {
                require(s.table(t.name()).isEmpty(), "table exists");
                Schema next = s.withTable(t);
                t.foreignKeys().forEach(fk -> requireReferencable(next, t, fk));
                requireColumnsOf(t);
                yield next;
            }
            case DropTable(String name, Table previous) -> {
                require(Objects.equals(table(s, name), previous), "previous definition differs");
                require(s.tables().stream().filter(t -> !t.name().equals(name)).flatMap(t -> t.foreignKeys().stream())
                        .noneMatch(fk -> fk.referencedTable().equals(name)), "still referenced");
                yield s.withoutTable(name);
            }
            case AddColumn(String table, Column column) -> {
                require(table(s, table).column(column.name()).isEmpty(), "column exists");
                yield s.mapTable(table, t -> t.withColumns(Stream.concat(t.columns().stream(), Stream.of(column)).toList()));
            }
            case DropColumn(String table, String name, Column previous) -> {
                Table t = table(s, table);
                require(Objects.equals(t.column(name).orElse(null), previous), "previous definition differs");
                require(!usedColumns(t).contains(name), "column still used by a key or index");
                require(s.tables().stream().flatMap(o -> o.foreignKeys().stream())
                        .noneMatch(fk -> fk.referencedTable().equals(table) && fk.referencedColumns().contains(name)),
                        "column still referenced");
                yield s.mapTable(table, x -> x.withColumns(x.columns().stream().filter(c -> !c.name().equals(name)).toList()));
            }
            case AlterColumn(String table, String name, Column from, Column to) -> {
                Table t = table(s, table);
                require(Objects.equals(t.column(name).orElse(null), from), "from differs from " + t.column(name));
                require(!(to.nullable() && t.primaryKey() != null && t.primaryKey().columns().contains(name)),
                        "nullable primary-key column");
                boolean underForeignKey = t.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(name))
                        || s.tables().stream().flatMap(o -> o.foreignKeys().stream()).anyMatch(fk ->
                        fk.referencedTable().equals(table) && fk.referencedColumns().contains(name));
                require(sameType.test(from.type(), to.type()) || !underForeignKey, "type changed under a foreign key");
                yield s.mapTable(table, x -> x.mapColumn(name, c -> to));
            }
            case CreateIndex(String table, Index index) -> {
                Table t = table(s, table);
                require(t.indexes().stream().noneMatch(i -> i.name().equals(index.name())), "index name taken");
                require(t.columns().stream().map(Column::name).toList().containsAll(index.columnNames()), "no column");
                yield s.mapTable(table, x -> x.withIndexes(plus(x.indexes(), index)));
            }
            case DropIndex(String table, String name, Index previous) -> {
                Table t = table(s, table);
                require(t.indexes().contains(previous) && previous.name().equals(name), "no such index");
                Schema next = s.mapTable(table, x -> x.withIndexes(minus(x.indexes(), previous)));
                requireKeysStillReferencable(next);
                yield next;
            }
            case AddPrimaryKey(String table, var key) -> {
                Table t = table(s, table);
                require(t.primaryKey() == null, "has a primary key");
                require(key.columns().stream().allMatch(c -> t.column(c).isPresent()), "no column");
                yield s.mapTable(table, x -> x.withPrimaryKey(key));
            }
            case DropPrimaryKey(String table, var previous) -> {
                require(Objects.equals(table(s, table).primaryKey(), previous), "primary key differs");
                Schema next = s.mapTable(table, x -> x.withPrimaryKey(null));
                requireKeysStillReferencable(next);
                yield next;
            }
            case AddForeignKey(String table, ForeignKey fk) -> {
                Table t = table(s, table);
                require(t.foreignKeys().stream().noneMatch(f -> f.name().equals(fk.name())), "name taken");
                Schema next = s.mapTable(table, x -> x.withForeignKeys(plus(x.foreignKeys(), fk)));
                requireReferencable(next, table(next, table), fk);
                yield next;
            }
            case DropForeignKey(String table, String name, ForeignKey previous) -> {
                require(table(s, table).foreignKeys().contains(previous) && previous.name().equals(name), "no such key");
                yield s.mapTable(table, x -> x.withForeignKeys(minus(x.foreignKeys(), previous)));
            }
            case AddUniqueConstraint(String table, var unique) -> {
                Table t = table(s, table);
                require(unique.columns().stream().allMatch(c -> t.column(c).isPresent()), "no column");
                require(t.uniqueConstraints().stream().noneMatch(u -> u.name().equals(unique.name())), "name taken");
                yield s.mapTable(table, x -> x.withUniqueConstraints(plus(x.uniqueConstraints(), unique)));
            }
            case DropUniqueConstraint(String table, String name, var previous) -> {
                require(table(s, table).uniqueConstraints().contains(previous), "no such unique");
                Schema next = s.mapTable(table, x -> x.withUniqueConstraints(minus(x.uniqueConstraints(), previous)));
                requireKeysStillReferencable(next);
                yield next;
            }
            case AddCheckConstraint(String table, var check) -> {
                require(table(s, table).checks().stream().noneMatch(c -> c.name().equals(check.name())), "name taken");
                yield s.mapTable(table, x -> x.withChecks(plus(x.checks(), check)));
            }
            case DropCheckConstraint(String table, String name, var previous) -> {
                require(table(s, table).checks().contains(previous), "no such check");
                yield s.mapTable(table, x -> x.withChecks(minus(x.checks(), previous)));
            }
            case CreateSequence(var sequence) -> {
                require(s.sequence(sequence.name()).isEmpty(), "sequence exists");
                yield s.withSequence(sequence);
            }
            case DropSequence(String name, var previous) -> {
                require(Objects.equals(s.sequence(name).orElse(null), previous), "sequence differs");
                yield s.withoutSequence(name);
            }
            case AlterSequence(var sequence, var previous) -> {
                require(Objects.equals(s.sequence(sequence.name()).orElse(null), previous), "sequence differs");
                yield s.withSequence(sequence);
            }
            case SetRowLevelSecurity(String table, var state, var previous) -> {
                require(table(s, table).rowLevelSecurity().equals(previous), "row-level security differs");
                yield s.mapTable(table, x -> x.withRowLevelSecurity(state));
            }
            case SetComment(String table, String comment, String previous) -> {
                require(Objects.equals(table(s, table).comment(), previous), "table comment differs");
                yield s.mapTable(table, x -> x.withComment(comment));
            }
            case CreatePolicy(String table, var policy) -> {
                require(table(s, table).policy(policy.name()).isEmpty(), "policy exists");
                yield s.mapTable(table, x -> x.withPolicies(plus(x.policies(), policy)));
            }
            case DropPolicy(String table, String name, var previous) -> {
                require(table(s, table).policies().contains(previous), "no such policy");
                yield s.mapTable(table, x -> x.withPolicies(minus(x.policies(), previous)));
            }
            case CreateEnumType(var type) -> {
                require(s.enumType(type.name()).isEmpty(), "enum type exists");
                yield s.withEnumType(type);
            }
            case DropEnumType(String name, var previous) -> {
                require(Objects.equals(s.enumType(name).orElse(null), previous), "enum type differs");
                yield s.withoutEnumType(name);
            }
            case AlterEnumType(var type, var previous) -> {
                require(Objects.equals(s.enumType(type.name()).orElse(null), previous), "enum type differs");
                yield s.withEnumType(type);
            }
            case RenameTable r -> throw new IllegalStateException("the differ does not rename");
            case RenameColumn r -> throw new IllegalStateException("the differ does not rename");
            case ExecuteSql e -> throw new IllegalStateException("the differ does not write SQL");
            case ExecuteDialectSql e -> throw new IllegalStateException("the differ does not write SQL");
            case Backfill b -> throw new IllegalStateException("the differ does not write backfills");
            case RunCallback r -> throw new IllegalStateException("the differ does not write code");
            case dev.autogen.op.ForEachTenant t -> throw new IllegalStateException("the differ does not write tenant steps");
        };
    }

    private static Table table(Schema s, String name) {
        return s.table(name).orElseThrow(() -> new IllegalStateException("no table " + name));
    }

    private static Set<String> usedColumns(Table t) {
        Set<String> used = new HashSet<>();
        if (t.primaryKey() != null) {
            used.addAll(t.primaryKey().columns());
        }
        t.uniqueConstraints().forEach(u -> used.addAll(u.columns()));
        t.indexes().forEach(i -> used.addAll(i.columnNames()));
        t.foreignKeys().forEach(f -> used.addAll(f.columns()));
        return used;
    }

    private static void requireColumnsOf(Table t) {
        Set<String> names = new HashSet<>(t.columns().stream().map(Column::name).toList());
        require(names.containsAll(usedColumns(t)), "constraint on a missing column");
    }

    /** A foreign key needs its referenced table and a primary key or unique key over the referenced columns. */
    private static void requireReferencable(Schema s, Table owner, ForeignKey fk) {
        Table referenced = s.table(fk.referencedTable())
                .orElseThrow(() -> new IllegalStateException("no referenced table " + fk.referencedTable()));
        Set<String> cols = Set.copyOf(fk.referencedColumns());
        boolean keyed = (referenced.primaryKey() != null && Set.copyOf(referenced.primaryKey().columns()).equals(cols))
                || referenced.uniqueConstraints().stream().anyMatch(u -> Set.copyOf(u.columns()).equals(cols))
                || referenced.indexes().stream().anyMatch(i -> i.unique() && Set.copyOf(i.columnNames()).equals(cols));
        require(keyed, "no key on " + fk.referencedTable() + cols + " for " + owner.name() + "." + fk.name());
    }

    private static void requireKeysStillReferencable(Schema s) {
        s.tables().forEach(t -> t.foreignKeys().forEach(fk -> requireReferencable(s, t, fk)));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static <T> List<T> plus(List<T> list, T item) {
        return Stream.concat(list.stream(), Stream.of(item)).toList();
    }

    private static <T> List<T> minus(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.remove(item);
        return out;
    }
}
