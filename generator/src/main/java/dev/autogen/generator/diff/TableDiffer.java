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
import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.function.Function;

/**
 * Compares one table that exists on both sides and adds its changes to the plan. Everything is matched by structure,
 * never by name: columns by name, the primary key and unique constraints by their ordered columns, indexes by their
 * ordered key parts (with direction) and uniqueness, foreign keys by (columns, referenced table, referenced columns),
 * checks by canonical expression.
 *
 * <p>A unique index and a unique constraint over the same ordered columns (every index part ascending) are the same
 * thing: PostgreSQL lists a constraint-backed index only as the constraint, but other tools create a plain unique
 * index for what an entity declares as a unique constraint, and either enforces the same rule.
 */
final class TableDiffer {

    private final DefinitionComparison compare;
    private final Plan plan;

    TableDiffer(DefinitionComparison compare, Plan plan) {
        this.compare = compare;
        this.plan = plan;
    }

    void diff(Table current, Table target) {
        String table = target.name();
        diffForeignKeys(table, current.foreignKeys(), target.foreignKeys());
        diffPrimaryKey(table, current, target);
        diffUniquesAndIndexes(table, current, target);
        diffChecks(table, current.checks(), target.checks());
        diffColumns(table, current, target);
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
            } else if (!compare.sameColumn(existing, column)) {
                plan.add(Phase.ALTER_COLUMNS, table,
                        new AlterColumn(table, column.name(), existing, compare.alteredTo(existing, column)));
            }
        }
    }

    private void diffPrimaryKey(String table, Table current, Table target) {
        var from = current.primaryKey();
        var to = target.primaryKey();
        if (from != null && to != null && from.columns().equals(to.columns())) {
            return;
        }
        if (from != null) {
            plan.add(Phase.DROP_CONSTRAINTS_AND_INDEXES, table, new DropPrimaryKey(table, from));
        }
        if (to != null) {
            plan.add(Phase.ADD_CONSTRAINTS, table, new AddPrimaryKey(table, to));
        }
    }

    private void diffForeignKeys(String table, List<ForeignKey> current, List<ForeignKey> target) {
        Matches<ForeignKey> matches = Matches.byKey(current, target,
                fk -> List.of(fk.columns(), fk.referencedTable(), fk.referencedColumns()));
        List<ForeignKey> dropped = new ArrayList<>(matches.removed());
        List<ForeignKey> added = new ArrayList<>(matches.added());
        for (Matches.Pair<ForeignKey> pair : matches.pairs()) {
            if (pair.current().onDelete() != pair.target().onDelete()) {
                dropped.add(pair.current());
                added.add(pair.target());
            }
        }
        byName(dropped, ForeignKey::name).forEach(fk ->
                plan.add(Phase.DROP_FOREIGN_KEYS, table, new DropForeignKey(table, fk.name(), fk)));
        byName(added, ForeignKey::name).forEach(fk ->
                plan.add(Phase.ADD_FOREIGN_KEYS, table, new AddForeignKey(table, fk)));
    }

    private void diffUniquesAndIndexes(String table, Table current, Table target) {
        Matches<UniqueConstraint> uniques = Matches.byKey(current.uniqueConstraints(), target.uniqueConstraints(),
                UniqueConstraint::columns);
        Matches<Index> indexes = Matches.byKey(current.indexes(), target.indexes(),
                index -> List.of(index.columns(), index.unique()));
        List<UniqueConstraint> droppedUniques = new ArrayList<>(uniques.removed());
        List<UniqueConstraint> addedUniques = new ArrayList<>(uniques.added());
        List<Index> droppedIndexes = new ArrayList<>(indexes.removed());
        List<Index> addedIndexes = new ArrayList<>(indexes.added());
        // a unique index on one side and a unique constraint on the other over the same columns: no change
        addedUniques.removeIf(unique -> removeFirstUniqueIndex(droppedIndexes, unique.columns()));
        droppedUniques.removeIf(unique -> removeFirstUniqueIndex(addedIndexes, unique.columns()));

        droppedIndexes.forEach(index ->
                plan.add(Phase.DROP_CONSTRAINTS_AND_INDEXES, table, new DropIndex(table, index.name(), index)));
        droppedUniques.forEach(unique -> plan.add(Phase.DROP_CONSTRAINTS_AND_INDEXES, table,
                new DropUniqueConstraint(table, unique.name(), unique)));
        addedUniques.forEach(unique -> plan.add(Phase.ADD_CONSTRAINTS, table, new AddUniqueConstraint(table, unique)));
        addedIndexes.forEach(index -> plan.add(Phase.CREATE_INDEXES, table, new CreateIndex(table, index)));
    }

    /** Removes from {@code indexes} the first unique, all-ascending index over exactly {@code columns}. */
    private static boolean removeFirstUniqueIndex(List<Index> indexes, List<String> columns) {
        for (int i = 0; i < indexes.size(); i++) {
            if (isPlainUniqueIndexOn(indexes.get(i), columns)) {
                indexes.remove(i);
                return true;
            }
        }
        return false;
    }

    static boolean isPlainUniqueIndexOn(Index index, List<String> columns) {
        return index.unique()
                && index.columns().stream().noneMatch(IndexColumn::descending)
                && index.columnNames().equals(columns);
    }

    private void diffChecks(String table, List<CheckConstraint> current, List<CheckConstraint> target) {
        Matches<CheckConstraint> checks = Matches.byKey(current, target, c -> compare.expressionKey(c.expression()));
        checks.removed().forEach(check -> plan.add(Phase.DROP_CONSTRAINTS_AND_INDEXES, table,
                new DropCheckConstraint(table, check.name(), check)));
        checks.added().forEach(check -> plan.add(Phase.ADD_CONSTRAINTS, table, new AddCheckConstraint(table, check)));
    }

    private static <T> List<T> byName(List<T> items, Function<T, String> name) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(name));
        return sorted;
    }
}
