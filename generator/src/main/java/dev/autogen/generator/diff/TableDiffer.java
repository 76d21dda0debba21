package dev.autogen.generator.diff;

import dev.autogen.generator.diff.Plan.Phase;
import dev.autogen.op.AddCheckConstraint;
import dev.autogen.op.AddColumn;
import dev.autogen.op.AddForeignKey;
import dev.autogen.op.AddPrimaryKey;
import dev.autogen.op.AddUniqueConstraint;
import dev.autogen.op.AlterColumn;
import dev.autogen.op.CreateIndex;
import dev.autogen.op.DropCheckConstraint;
import dev.autogen.op.DropColumn;
import dev.autogen.op.DropForeignKey;
import dev.autogen.op.DropIndex;
import dev.autogen.op.DropPrimaryKey;
import dev.autogen.op.DropUniqueConstraint;
import dev.autogen.op.Operation;
import dev.autogen.op.SetComment;
import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares one table that exists on both sides and adds its changes to the plan. Everything is matched by structure,
 * never by name: columns by name, the primary key and unique constraints by their ordered columns, indexes by their
 * ordered key parts (with direction) and uniqueness, foreign keys by (columns, referenced table, referenced columns),
 * checks by canonical expression. A matched definition keeps the name it has in the database.
 *
 * <p>A unique index and a unique constraint over the same ordered columns (every index part ascending) are the same
 * thing: PostgreSQL lists a constraint-backed index only as the constraint, but other tools create a plain unique
 * index for what an entity declares as a unique constraint, and either enforces the same rule.
 *
 * <p>One exception to "names are ignored": when a definition the plan adds is named like a matched definition that
 * stays (names swapped between two keys, say), the staying one is dropped and re-added under its target name, so the
 * plan never creates a name that is still taken.
 */
final class TableDiffer {

    /** One planned operation, its phase, and the name it creates (null for a drop). */
    private record Step(Phase phase, Operation operation, String createdName) {
        static Step drop(Phase phase, Operation operation) {
            return new Step(phase, operation, null);
        }
    }

    /** A matched pair: no operation, unless its current name is needed by something added. */
    private record Kept(String currentName, Step drop, Step add) {
    }

    private final DefinitionComparison compare;
    private final ForeignKeyRebuilds rebuilds;
    private final Plan plan;
    private final DerivedKeyOrder derivedKeyOrder;

    TableDiffer(DefinitionComparison compare, ForeignKeyRebuilds rebuilds, Plan plan, DerivedKeyOrder derivedKeyOrder) {
        this.compare = compare;
        this.rebuilds = rebuilds;
        this.plan = plan;
        this.derivedKeyOrder = derivedKeyOrder;
    }

    void diff(Table current, Table target) {
        String table = target.name();
        List<Step> steps = new ArrayList<>();
        List<Kept> kept = new ArrayList<>();
        diffForeignKeys(table, current.foreignKeys(), target.foreignKeys(), steps, kept);
        diffPrimaryKey(table, current.primaryKey(), target.primaryKey(), steps, kept);
        diffUniquesAndIndexes(table, current, target, steps, kept);
        diffChecks(table, current.checks(), target.checks(), steps, kept);
        releaseNamesNeededByAdditions(steps, kept);
        steps.forEach(step -> plan.add(step.phase(), table, step.operation()));
        diffColumns(table, current, target);
        if (!compare.sameTableComment(current.comment(), target.comment())) {
            plan.add(Phase.ALTER_COLUMNS, table, new SetComment(table, target.comment(), current.comment()));
        }
    }

    private void diffColumns(String table, Table current, Table target) {
        for (Column column : current.columns()) {
            if (target.column(column.name()).isEmpty()) {
                plan.add(Phase.DROP_COLUMNS, table, new DropColumn(table, column.name(), column));
            }
        }
        for (Column column : target.columns()) {
            Column existing = current.column(column.name()).orElse(null);
            if (existing == null) {
                plan.add(Phase.ADD_COLUMNS, table, new AddColumn(table, column));
            } else if (!compare.sameColumn(existing, column, target.primaryKey() != null
                    && target.primaryKey().columns().equals(List.of(column.name())))) {
                plan.add(Phase.ALTER_COLUMNS, table,
                        new AlterColumn(table, column.name(), existing, compare.alteredTo(existing, column)));
            }
        }
    }

    private void diffPrimaryKey(String table, PrimaryKey from, PrimaryKey to, List<Step> steps, List<Kept> kept) {
        Step drop = from == null ? null : Step.drop(Phase.DROP_CONSTRAINTS_AND_INDEXES, new DropPrimaryKey(table, from));
        Step add = to == null ? null : new Step(Phase.ADD_CONSTRAINTS, new AddPrimaryKey(table, to), to.name());
        if (from != null && to != null && (from.columns().equals(to.columns())
                || derivedKeyOrder.isHibernatesChoice(table) && Set.copyOf(from.columns()).equals(Set.copyOf(to.columns()))
                && from.columns().size() == to.columns().size())) {
            if (from.name() != null) {
                kept.add(new Kept(from.name(), drop, add));
            }
            return;
        }
        if (drop != null) {
            steps.add(drop);
        }
        if (add != null) {
            steps.add(add);
        }
    }

    private void diffForeignKeys(String table, List<ForeignKey> current, List<ForeignKey> target,
                                        List<Step> steps, List<Kept> kept) {
        Matches<ForeignKey> matches = Matches.byKey(current, target,
                fk -> List.of(fk.columns(), fk.referencedTable(), fk.referencedColumns()));
        matches.removed().forEach(fk -> steps.add(dropForeignKey(table, fk)));
        for (Matches.Pair<ForeignKey> pair : matches.pairs()) {
            Step drop = dropForeignKey(table, pair.current());
            Step add = new Step(Phase.ADD_FOREIGN_KEYS, new AddForeignKey(table, pair.target()), pair.target().name());
            if (pair.current().onDelete() != pair.target().onDelete() || rebuilds.required(table, pair.current())) {
                steps.add(drop);
                steps.add(add);
            } else {
                kept.add(new Kept(pair.current().name(), drop, add));
            }
        }
        matches.added().forEach(fk -> steps.add(new Step(Phase.ADD_FOREIGN_KEYS, new AddForeignKey(table, fk), fk.name())));
    }

    private static Step dropForeignKey(String table, ForeignKey fk) {
        return Step.drop(Phase.DROP_FOREIGN_KEYS, new DropForeignKey(table, fk.name(), fk));
    }

    private static void diffUniquesAndIndexes(String table, Table current, Table target,
                                              List<Step> steps, List<Kept> kept) {
        Matches<UniqueConstraint> uniques = Matches.byKey(beyondTheKey(current, target.primaryKey()),
                beyondTheKey(target, current.primaryKey()), UniqueConstraint::columns);
        Matches<Index> indexes = Matches.byKey(current.indexes(), target.indexes(),
                index -> List.of(index.columns(), index.unique()));
        List<UniqueConstraint> droppedUniques = new ArrayList<>(uniques.removed());
        List<UniqueConstraint> addedUniques = new ArrayList<>(uniques.added());
        List<Index> droppedIndexes = new ArrayList<>(indexes.removed());
        List<Index> addedIndexes = new ArrayList<>(indexes.added());
        uniques.pairs().forEach(p -> kept.add(new Kept(p.current().name(), dropUnique(table, p.current()),
                addUnique(table, p.target()))));
        indexes.pairs().forEach(p -> kept.add(new Kept(p.current().name(), dropIndex(table, p.current()),
                createIndex(table, p.target()))));
        // a unique index on one side and a unique constraint on the other over the same columns: no change
        for (UniqueConstraint unique : List.copyOf(addedUniques)) {
            Index index = firstPlainUniqueIndexOn(droppedIndexes, unique.columns());
            if (index != null) {
                droppedIndexes.remove(index);
                addedUniques.remove(unique);
                kept.add(new Kept(index.name(), dropIndex(table, index), addUnique(table, unique)));
            }
        }
        for (UniqueConstraint unique : List.copyOf(droppedUniques)) {
            Index index = firstPlainUniqueIndexOn(addedIndexes, unique.columns());
            if (index != null) {
                addedIndexes.remove(index);
                droppedUniques.remove(unique);
                kept.add(new Kept(unique.name(), dropUnique(table, unique), createIndex(table, index)));
            }
        }
        droppedIndexes.forEach(index -> steps.add(dropIndex(table, index)));
        droppedUniques.forEach(unique -> steps.add(dropUnique(table, unique)));
        addedUniques.forEach(unique -> steps.add(addUnique(table, unique)));
        addedIndexes.forEach(index -> steps.add(createIndex(table, index)));
    }

    /**
     * The unique constraints of {@code table} that are more than its primary key: one over exactly the key's columns
     * (Hibernate's SQLite export keeps {@code @Id @Column(unique = true)}, PostgreSQL drops it) enforces nothing the key
     * does not, so it is neither added nor dropped while both sides have that key.
     */
    private static List<UniqueConstraint> beyondTheKey(Table table, PrimaryKey otherKey) {
        if (table.primaryKey() == null || otherKey == null
                || !Set.copyOf(table.primaryKey().columns()).equals(Set.copyOf(otherKey.columns()))) {
            return table.uniqueConstraints();
        }
        Set<String> key = Set.copyOf(table.primaryKey().columns());
        return table.uniqueConstraints().stream().filter(u -> !Set.copyOf(u.columns()).equals(key)).toList();
    }

    private static Step dropIndex(String table, Index index) {
        return Step.drop(Phase.DROP_CONSTRAINTS_AND_INDEXES, new DropIndex(table, index.name(), index));
    }

    private static Step createIndex(String table, Index index) {
        return new Step(Phase.CREATE_INDEXES, new CreateIndex(table, index), index.name());
    }

    private static Step dropUnique(String table, UniqueConstraint unique) {
        return Step.drop(Phase.DROP_CONSTRAINTS_AND_INDEXES, new DropUniqueConstraint(table, unique.name(), unique));
    }

    private static Step addUnique(String table, UniqueConstraint unique) {
        return new Step(Phase.ADD_CONSTRAINTS, new AddUniqueConstraint(table, unique), unique.name());
    }

    private static Index firstPlainUniqueIndexOn(List<Index> indexes, List<String> columns) {
        return indexes.stream().filter(i -> isPlainUniqueIndexOn(i, columns)).findFirst().orElse(null);
    }

    /** A unique index that enforces exactly what a unique constraint over {@code columns} enforces. */
    static boolean isPlainUniqueIndexOn(Index index, List<String> columns) {
        return index.unique()
                && index.columns().stream().noneMatch(IndexColumn::descending)
                && index.columnNames().equals(columns);
    }

    private void diffChecks(String table, List<CheckConstraint> current, List<CheckConstraint> target,
                            List<Step> steps, List<Kept> kept) {
        Matches<CheckConstraint> checks = Matches.byKey(current, target, c -> compare.expressionKey(c.expression()));
        checks.removed().forEach(check -> steps.add(dropCheck(table, check)));
        checks.pairs().forEach(p -> kept.add(new Kept(p.current().name(), dropCheck(table, p.current()),
                addCheck(table, p.target()))));
        checks.added().forEach(check -> steps.add(addCheck(table, check)));
    }

    private static Step dropCheck(String table, CheckConstraint check) {
        return Step.drop(Phase.DROP_CONSTRAINTS_AND_INDEXES, new DropCheckConstraint(table, check.name(), check));
    }

    private static Step addCheck(String table, CheckConstraint check) {
        return new Step(Phase.ADD_CONSTRAINTS, new AddCheckConstraint(table, check), check.name());
    }

    /** Turns kept pairs whose current name an addition needs into drop + add, until no addition collides. */
    private static void releaseNamesNeededByAdditions(List<Step> steps, List<Kept> kept) {
        boolean changed = true;
        while (changed) {
            changed = false;
            Set<String> createdNames = steps.stream().map(Step::createdName).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            for (Kept pair : List.copyOf(kept)) {
                if (createdNames.contains(pair.currentName()) && !pair.currentName().equals(pair.add().createdName())) {
                    kept.remove(pair);
                    steps.add(pair.drop());
                    steps.add(pair.add());
                    changed = true;
                    break;
                }
            }
        }
    }
}
