package dev.autogen.migrate;

import dev.autogen.op.AddCheckConstraint;
import dev.autogen.op.Backfill;
import dev.autogen.op.AddColumn;
import dev.autogen.op.AddForeignKey;
import dev.autogen.op.AddPrimaryKey;
import dev.autogen.op.AddUniqueConstraint;
import dev.autogen.op.AlterColumn;
import dev.autogen.op.AlterEnumType;
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
import dev.autogen.op.ForEachTenant;
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.op.RenameTable;
import dev.autogen.op.RunCallback;
import dev.autogen.op.SetComment;
import dev.autogen.op.SetRowLevelSecurity;
import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.Policy;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Replays operations onto a {@link Schema} value, with no database: the offline "before" state of
 * {@code autogen check --offline}, the new table definition of a SQLite rebuild, and the oracle of the
 * {@code apply(diff(a, b), a) == b} property.
 *
 * <p>It behaves as PostgreSQL does: renaming a table or a column updates every reference to it (key, unique,
 * index and foreign-key column lists, foreign keys of other tables, and the identifier inside check expressions);
 * dropping a column also drops the primary key, unique constraints, indexes, foreign keys and checks that involve
 * it (policies keep their expressions: PostgreSQL refuses to drop a column a policy uses, so the plan drops the policy
 * first). A column rename is followed inside policy expressions too, as PostgreSQL does. An operation that does not fit the schema (adding a column that exists, dropping a missing table, dropping a
 * table or column another table's foreign key still references) is a bug in the migration or the plan, and raises an
 * {@link IllegalStateException} that names the object.
 *
 * <p>{@link ExecuteSql}, {@link ExecuteDialectSql} and {@link RunCallback} are opaque: raw SQL and Java code leave
 * the schema unchanged, and so does a {@link Backfill} (it changes rows). Raw SQL and Java code leave
 * the schema unchanged, because the interpreter cannot know what it
 * does. A replay that meets one is only as good as the migration author's promise that the SQL changes no schema
 * object autogen models.
 */
public final class SchemaInterpreter {

    private SchemaInterpreter() {
    }

    /**
     * Applies the operations in order. Runs of table and index creations (initial migrations) go through
     * {@link BulkReplay}, which gives the same schema in linear time.
     */
    public static Schema applyAll(Schema schema, List<? extends Operation> operations) {
        Schema current = schema;
        BulkReplay bulk = null;
        for (Operation operation : operations) {
            if (BulkReplay.handles(operation)) {
                bulk = bulk == null ? new BulkReplay(current) : bulk;
                if (bulk.apply(operation)) {
                    continue;
                }
            }
            if (bulk != null) {
                current = bulk.schema();
                bulk = null;
            }
            current = apply(current, operation);
        }
        return bulk == null ? current : bulk.schema();
    }

    /**
     * The schema after {@code operation}.
     *
     * @throws IllegalStateException when the operation does not fit {@code schema}
     */
    public static Schema apply(Schema schema, Operation operation) {
        return switch (operation) {
            case CreateTable op -> {
                if (schema.table(op.table().name()).isPresent()) {
                    throw fail("cannot create table " + op.table().name() + ": it already exists");
                }
                yield schema.withTable(op.table());
            }
            case DropTable op -> dropTable(schema, op.name());
            case RenameTable op -> renameTable(schema, op.from(), op.to());
            case AddColumn op -> change(schema, op.table(), table -> {
                if (table.column(op.column().name()).isPresent()) {
                    throw fail("cannot add column " + op.table() + "." + op.column().name() + ": it already exists");
                }
                List<Column> columns = new ArrayList<>(table.columns());
                columns.add(op.column());
                return table.withColumns(columns);
            });
            case DropColumn op -> dropColumn(schema, op.table(), op.name());
            case AlterColumn op -> change(schema, op.table(), table -> {
                requireColumn(table, op.name());
                return table.mapColumn(op.name(), c -> op.to().withName(op.name()));
            });
            case RenameColumn op -> renameColumn(schema, op.table(), op.from(), op.to());
            case CreateIndex op -> createIndex(schema, op.table(), op.index());
            case DropIndex op -> change(schema, op.table(), table -> table.withIndexes(
                    without(table.indexes(), Index::name, op.name(), "index", table.name())));
            case AddPrimaryKey op -> change(schema, op.table(), table -> {
                if (table.primaryKey() != null) {
                    throw fail("cannot add a primary key to table " + table.name() + ": it already has one on "
                            + table.primaryKey().columns());
                }
                requireColumns(table, op.primaryKey().columns(), "primary key");
                return table.withPrimaryKey(op.primaryKey());
            });
            case DropPrimaryKey op -> change(schema, op.table(), table -> {
                if (table.primaryKey() == null) {
                    throw fail("cannot drop the primary key of table " + table.name() + ": it has none");
                }
                return table.withPrimaryKey(null);
            });
            case AddForeignKey op -> addForeignKey(schema, op.table(), op.foreignKey());
            case DropForeignKey op -> change(schema, op.table(), table -> table.withForeignKeys(
                    without(table.foreignKeys(), ForeignKey::name, op.name(), "foreign key", table.name())));
            case AddUniqueConstraint op -> change(schema, op.table(), table -> {
                requireNewName(table.uniqueConstraints(), UniqueConstraint::name, op.constraint().name(),
                        "unique constraint", table.name());
                requireColumns(table, op.constraint().columns(), "unique constraint " + op.constraint().name());
                return table.withUniqueConstraints(with(table.uniqueConstraints(), op.constraint()));
            });
            case DropUniqueConstraint op -> change(schema, op.table(), table -> table.withUniqueConstraints(
                    without(table.uniqueConstraints(), UniqueConstraint::name, op.name(), "unique constraint",
                            table.name())));
            case AddCheckConstraint op -> change(schema, op.table(), table -> {
                requireNewName(table.checks(), CheckConstraint::name, op.constraint().name(), "check constraint",
                        table.name());
                return table.withChecks(with(table.checks(), op.constraint()));
            });
            case DropCheckConstraint op -> change(schema, op.table(), table -> table.withChecks(
                    without(table.checks(), CheckConstraint::name, op.name(), "check constraint", table.name())));
            case CreateSequence op -> {
                if (schema.sequence(op.sequence().name()).isPresent()) {
                    throw fail("cannot create sequence " + op.sequence().name() + ": it already exists");
                }
                yield schema.withSequence(op.sequence());
            }
            case DropSequence op -> {
                if (schema.sequence(op.name()).isEmpty()) {
                    throw fail("cannot drop sequence " + op.name() + ": there is no such sequence");
                }
                yield schema.withoutSequence(op.name());
            }
            case SetRowLevelSecurity op -> change(schema, op.table(), table -> table.withRowLevelSecurity(op.state()));
            case SetComment op -> change(schema, op.table(), table -> table.withComment(op.comment()));
            case CreatePolicy op -> change(schema, op.table(), table -> {
                if (table.policy(op.policy().name()).isPresent()) {
                    throw fail("cannot create policy " + op.policy().name() + " on table " + table.name()
                            + ": it already exists");
                }
                List<Policy> policies = new ArrayList<>(table.policies());
                policies.add(op.policy());
                return table.withPolicies(policies);
            });
            case DropPolicy op -> change(schema, op.table(), table -> table.withPolicies(
                    without(table.policies(), Policy::name, op.name(), "policy", table.name())));
            case CreateEnumType op -> {
                if (schema.enumType(op.enumType().name()).isPresent()) {
                    throw fail("cannot create enum type " + op.enumType().name() + ": it already exists");
                }
                yield schema.withEnumType(op.enumType());
            }
            case DropEnumType op -> {
                if (schema.enumType(op.name()).isEmpty()) {
                    throw fail("cannot drop enum type " + op.name() + ": there is no such type");
                }
                yield schema.withoutEnumType(op.name());
            }
            case AlterSequence op -> {
                if (schema.sequence(op.name()).isEmpty()) {
                    throw fail("cannot alter sequence " + op.name() + ": there is no such sequence");
                }
                yield schema.withSequence(op.sequence());
            }
            case AlterEnumType op -> {
                if (schema.enumType(op.enumType().name()).isEmpty()) {
                    throw fail("cannot alter enum type " + op.enumType().name() + ": there is no such type");
                }
                yield schema.withEnumType(op.enumType());
            }
            case ExecuteSql op -> schema;
            case ExecuteDialectSql op -> schema;
            case Backfill op -> schema;
            case RunCallback op -> schema;
            case ForEachTenant op -> schema;
        };
    }

    private static Schema dropTable(Schema schema, String name) {
        requireTable(schema, name);
        for (Table other : schema.tables()) {
            for (ForeignKey fk : other.foreignKeys()) {
                if (!other.name().equals(name) && fk.referencedTable().equals(name)) {
                    throw fail("cannot drop table " + name + ": foreign key " + fk.name() + " of table "
                            + other.name() + " references it; drop the foreign key first");
                }
            }
        }
        return schema.withoutTable(name);
    }

    private static Schema renameTable(Schema schema, String from, String to) {
        Table table = requireTable(schema, from);
        if (schema.table(to).isPresent()) {
            throw fail("cannot rename table " + from + " to " + to + ": table " + to + " already exists");
        }
        Schema renamed = schema.withoutTable(from).withTable(table.withName(to));
        List<Table> tables = renamed.tables().stream().map(t -> t.withForeignKeys(t.foreignKeys().stream()
                .map(fk -> fk.referencedTable().equals(from)
                        ? new ForeignKey(fk.name(), fk.columns(), to, fk.referencedColumns(), fk.onDelete())
                        : fk)
                .toList())).toList();
        return new Schema(tables, renamed.sequences(), renamed.enumTypes());
    }

    private static Schema dropColumn(Schema schema, String tableName, String column) {
        Table table = requireTable(schema, tableName);
        requireColumn(table, column);
        if (table.columns().size() == 1) {
            throw fail("cannot drop column " + tableName + "." + column + ": it is the table's only column; drop the table");
        }
        for (Table other : schema.tables()) {
            for (ForeignKey fk : other.foreignKeys()) {
                if (!other.name().equals(tableName) && fk.referencedTable().equals(tableName)
                        && fk.referencedColumns().contains(column)) {
                    throw fail("cannot drop column " + tableName + "." + column + ": foreign key " + fk.name()
                            + " of table " + other.name() + " references it; drop the foreign key first");
                }
            }
        }
        PrimaryKey pk = table.primaryKey() != null && table.primaryKey().columns().contains(column)
                ? null : table.primaryKey();
        Table result = new Table(table.name(),
                table.columns().stream().filter(c -> !c.name().equals(column)).toList(),
                pk,
                table.uniqueConstraints().stream().filter(u -> !u.columns().contains(column)).toList(),
                table.foreignKeys().stream().filter(fk -> !fk.columns().contains(column)
                        && !(fk.referencedTable().equals(tableName) && fk.referencedColumns().contains(column))).toList(),
                table.checks().stream().filter(ck -> !CheckExpressions.mentions(ck.expression(), column)).toList(),
                table.indexes().stream().filter(ix -> !ix.columnNames().contains(column)).toList(),
                table.comment(), table.rowLevelSecurity(), table.policies());
        return schema.withTable(result);
    }

    private static Schema renameColumn(Schema schema, String tableName, String from, String to) {
        Table table = requireTable(schema, tableName);
        requireColumn(table, from);
        if (table.column(to).isPresent()) {
            throw fail("cannot rename column " + tableName + "." + from + " to " + to + ": column " + to
                    + " already exists");
        }
        UnaryOperator<List<String>> names = list -> list.stream().map(n -> n.equals(from) ? to : n).toList();
        Table renamed = new Table(table.name(),
                table.columns().stream().map(c -> c.name().equals(from) ? c.withName(to) : c).toList(),
                table.primaryKey() == null ? null
                        : new PrimaryKey(table.primaryKey().name(), names.apply(table.primaryKey().columns())),
                table.uniqueConstraints().stream()
                        .map(u -> new UniqueConstraint(u.name(), names.apply(u.columns()))).toList(),
                table.foreignKeys().stream()
                        .map(fk -> new ForeignKey(fk.name(), names.apply(fk.columns()), fk.referencedTable(),
                                fk.referencedColumns(), fk.onDelete())).toList(),
                table.checks().stream()
                        .map(ck -> new CheckConstraint(ck.name(), CheckExpressions.rename(ck.expression(), from, to)))
                        .toList(),
                table.indexes().stream().map(ix -> new Index(ix.name(), ix.columns().stream()
                        .map(c -> c.name().equals(from) ? c.withName(to) : c).toList(),
                        ix.unique())).toList(),
                table.comment(), table.rowLevelSecurity(),
                table.policies().stream().map(p -> new Policy(p.name(), p.command(), p.roles(),
                        p.using() == null ? null : CheckExpressions.rename(p.using(), from, to),
                        p.withCheck() == null ? null : CheckExpressions.rename(p.withCheck(), from, to),
                        p.restrictive())).toList());
        // foreign keys (of any table, this one included) that point at the renamed column follow it
        List<Table> tables = schema.withTable(renamed).tables().stream().map(t -> t.withForeignKeys(
                t.foreignKeys().stream().map(fk -> fk.referencedTable().equals(tableName)
                        ? new ForeignKey(fk.name(), fk.columns(), fk.referencedTable(),
                                names.apply(fk.referencedColumns()), fk.onDelete())
                        : fk).toList())).toList();
        return new Schema(tables, schema.sequences(), schema.enumTypes());
    }

    private static Schema createIndex(Schema schema, String tableName, Index index) {
        for (Table t : schema.tables()) {
            if (t.indexes().stream().anyMatch(ix -> ix.name().equals(index.name()))) {
                throw fail("cannot create index " + index.name() + " on table " + tableName
                        + ": an index of that name already exists on table " + t.name());
            }
        }
        return change(schema, tableName, table -> {
            requireColumns(table, index.columnNames(), "index " + index.name());
            return withIndex(table, index);
        });
    }

    /** {@code table} with {@code index} added (its columns checked by the caller). */
    static Table withIndex(Table table, Index index) {
        return table.withIndexes(with(table.indexes(), index));
    }

    private static Schema addForeignKey(Schema schema, String tableName, ForeignKey fk) {
        Table table = requireTable(schema, tableName);
        requireNewName(table.foreignKeys(), ForeignKey::name, fk.name(), "foreign key", tableName);
        requireColumns(table, fk.columns(), "foreign key " + fk.name());
        // a self-reference may name the table itself; any other target must exist already
        Table target = fk.referencedTable().equals(tableName) ? table : schema.table(fk.referencedTable())
                .orElseThrow(() -> fail("foreign key " + fk.name() + " of table " + tableName
                        + " references table " + fk.referencedTable() + ", which does not exist"));
        requireColumns(target, fk.referencedColumns(), "foreign key " + fk.name() + " (referenced columns)");
        return schema.withTable(table.withForeignKeys(with(table.foreignKeys(), fk)));
    }

    private static Schema change(Schema schema, String tableName, UnaryOperator<Table> change) {
        return schema.withTable(change.apply(requireTable(schema, tableName)));
    }

    private static Table requireTable(Schema schema, String name) {
        return schema.table(name).orElseThrow(() -> fail("there is no table " + name));
    }

    private static void requireColumn(Table table, String column) {
        if (table.column(column).isEmpty()) {
            throw fail("table " + table.name() + " has no column " + column);
        }
    }

    private static void requireColumns(Table table, List<String> columns, String what) {
        for (String column : columns) {
            if (table.column(column).isEmpty()) {
                throw fail(what + " names column " + column + ", which table " + table.name() + " does not have");
            }
        }
    }

    private static <T> void requireNewName(List<T> items, java.util.function.Function<T, String> name, String wanted,
                                           String kind, String table) {
        if (items.stream().map(name).anyMatch(wanted::equals)) {
            throw fail("cannot add " + kind + " " + wanted + " to table " + table + ": it already exists");
        }
    }

    private static <T> List<T> with(List<T> items, T item) {
        List<T> copy = new ArrayList<>(items);
        copy.add(item);
        return copy;
    }

    private static <T> List<T> without(List<T> items, java.util.function.Function<T, String> name, String dropped,
                                       String kind, String table) {
        Predicate<T> matches = item -> name.apply(item).equals(dropped);
        if (items.stream().noneMatch(matches)) {
            throw fail("cannot drop " + kind + " " + dropped + " of table " + table + ": there is no such " + kind);
        }
        return items.stream().filter(matches.negate()).toList();
    }

    private static IllegalStateException fail(String message) {
        return new IllegalStateException(message);
    }
}
