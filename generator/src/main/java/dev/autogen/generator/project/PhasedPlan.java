package dev.autogen.generator.project;

import dev.autogen.generator.config.UsageException;
import dev.autogen.op.AddColumn;
import dev.autogen.op.AlterColumn;
import dev.autogen.op.Backfill;
import dev.autogen.op.CreateIndex;
import dev.autogen.op.DropColumn;
import dev.autogen.op.DropIndex;
import dev.autogen.op.DropTable;
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.schema.Column;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code autogen -m MESSAGE --phased}: a plan split into an expand revision that the application version still
 * running survives and a contract revision ({@code @Revision(contract = true)}) that removes what only that version
 * used, so that a rolling deployment never runs code against a schema it does not know (docs/zero-downtime.md).
 *
 * <p>The breaking changes and their two halves:
 * <ul>
 *   <li>column rename: expand adds the new column and backfills it from the old; contract backfills the rows the old
 *       version wrote since, restores NOT NULL and the default, drops the old column and moves its indexes;</li>
 *   <li>new NOT NULL column: expand adds it nullable, sets its default and backfills the default into the rows that
 *       exist; contract sets NOT NULL (online on PostgreSQL). Without a default there is no value for those rows, so
 *       {@code --phased} refuses and says which column;</li>
 *   <li>type change: expand adds a column of the new type beside it and backfills it with a cast; contract catches up,
 *       drops the old column and gives the new one its name and the old one's indexes;</li>
 *   <li>drop of a column or a table the running version maps: nothing in expand, the drop in contract.</li>
 * </ul>
 * Everything else stays in expand, in plan order. Each half has a downgrade that restores the schema before it without
 * losing values: reverting the contract brings the old column back filled from the new one (a dropped column comes
 * back empty: the DATA_LOSS hazard says so, as for any drop). No trigger keeps the two columns in step between the
 * revisions: the contract's catch-up backfill fills the rows inserted meanwhile, but an update the old version makes
 * to the old column after the expand is not carried over.
 *
 * @param expandUpgrade     the expand revision's upgrade
 * @param expandDowngrade   its downgrade
 * @param contractUpgrade   the contract revision's upgrade (empty: nothing breaking, one ordinary revision)
 * @param contractDowngrade its downgrade
 */
public record PhasedPlan(List<Operation> expandUpgrade, List<Operation> expandDowngrade,
                         List<Operation> contractUpgrade, List<Operation> contractDowngrade) {

    public PhasedPlan {
        expandUpgrade = List.copyOf(expandUpgrade);
        expandDowngrade = List.copyOf(expandDowngrade);
        contractUpgrade = List.copyOf(contractUpgrade);
        contractDowngrade = List.copyOf(contractDowngrade);
    }

    /** Whether the plan held a breaking change, so that there is a contract revision to write. */
    public boolean phased() {
        return !contractUpgrade.isEmpty();
    }

    /** One change's share of each revision: what it adds to each upgrade, and what reverts that. */
    private record Step(List<Operation> expandUp, List<Operation> expandDown, List<Operation> contractUp,
                        List<Operation> contractDown) {
        static Step expandOnly(Operation operation) {
            return new Step(List.of(operation), List.of(operation.reverse()), List.of(), List.of());
        }

        static Step contractOnly(Operation operation) {
            return new Step(List.of(), List.of(), List.of(operation), List.of(operation.reverse()));
        }
    }

    /**
     * @param plan     what {@code -m} would write as one revision
     * @param database the catalog the plan was computed against (the definitions of the columns it renames or retypes)
     * @throws UsageException when a new NOT NULL column has no default to fill the rows that exist
     */
    public static PhasedPlan of(List<Operation> plan, Schema database, Dialect dialect) {
        DdlRenderer types = DdlRenderer.forDialect(dialect);
        List<String> droppedTables = plan.stream().filter(DropTable.class::isInstance)
                .map(op -> ((DropTable) op).name()).toList();
        List<Step> steps = new ArrayList<>();
        for (Operation operation : plan) {
            steps.add(step(operation, database, droppedTables, types));
        }
        List<Operation> expandUp = new ArrayList<>();
        List<Operation> expandDown = new ArrayList<>();
        List<Operation> contractUp = new ArrayList<>();
        List<Operation> contractDown = new ArrayList<>();
        for (Step step : steps) {
            expandUp.addAll(step.expandUp());
            contractUp.addAll(step.contractUp());
        }
        for (Step step : steps.reversed()) {
            expandDown.addAll(step.expandDown());
            contractDown.addAll(step.contractDown());
        }
        return new PhasedPlan(expandUp, expandDown, contractUp, contractDown);
    }

    /** The breaking changes on tables that exist split in two; every other operation stays in expand. */
    private static Step step(Operation operation, Schema database, List<String> droppedTables, DdlRenderer types) {
        if (operation instanceof RenameColumn op && database.table(op.table()).isPresent()) {
            return rename(op, existing(database, op.table(), op.from()), database.table(op.table()).orElseThrow());
        }
        if (operation instanceof AddColumn op && database.table(op.table()).isPresent() && !op.column().nullable()
                && !op.column().identity()) {
            return notNull(op);
        }
        if (operation instanceof AlterColumn op && database.table(op.table()).isPresent()
                && !types.typeSql(op.from().type()).equals(types.typeSql(op.to().type()))) {
            return typeChange(op, database.table(op.table()).orElseThrow(), types);
        }
        if (operation instanceof DropColumn op && database.table(op.table()).isPresent()
                && !droppedTables.contains(op.table())) {
            return Step.contractOnly(op);
        }
        if (operation instanceof DropTable op && database.table(op.name()).isPresent()) {
            return Step.contractOnly(op);
        }
        return Step.expandOnly(operation);
    }

    private static Column existing(Schema database, String table, String column) {
        return database.table(table).flatMap(t -> t.column(column)).orElseThrow(() -> new IllegalStateException(
                "the plan renames " + table + "." + column + ", which the database lacks"));
    }

    /** The column as the expand adds it: nullable, no default, no identity, so the old version's inserts succeed. */
    private static Column loose(Column column) {
        return column.withNullable(true).withDefaultValue(null).withIdentity(false);
    }

    private static Step rename(RenameColumn op, Column old, Table existing) {
        String table = op.table();
        Column target = old.withName(op.to());
        Column added = loose(target);
        Column restored = loose(old);
        List<Index> indexes = indexesOn(existing, op.from());
        List<Operation> contractUp = new ArrayList<>();
        contractUp.add(copy(table, op.to(), op.from(), true));
        alterIfDifferent(contractUp, table, added, target);
        indexes.forEach(index -> contractUp.add(new DropIndex(table, index.name(), index)));
        contractUp.add(new DropColumn(table, op.from(), old));
        indexes.forEach(index -> contractUp.add(new CreateIndex(table, renamed(index, op.from(), op.to()))));
        List<Operation> contractDown = new ArrayList<>();
        indexes.forEach(index -> contractDown.add(new DropIndex(table, index.name(), renamed(index, op.from(),
                op.to()))));
        alterIfDifferent(contractDown, table, target, added);
        contractDown.add(new AddColumn(table, restored));
        contractDown.add(new Backfill(table, q(op.from()) + " = " + q(op.to()), q(op.from()) + " is null",
                Backfill.DEFAULT_BATCH_SIZE));
        alterIfDifferent(contractDown, table, restored, old);
        indexes.forEach(index -> contractDown.add(new CreateIndex(table, index)));
        return new Step(List.of(new AddColumn(table, added), copy(table, op.to(), op.from(), false)),
                List.of(new DropColumn(table, op.to(), added)), contractUp, contractDown);
    }

    private static Step notNull(AddColumn op) {
        Column column = op.column();
        String name = op.table() + "." + column.name();
        if (column.defaultValue() == null) {
            throw new UsageException("--phased cannot add NOT NULL column " + name + ": it has no default to fill"
                    + " the rows that exist — give it one in the entity (@ColumnDefault) or make it nullable, then run"
                    + " autogen -m again (or drop --phased and write the backfill by hand)");
        }
        Column added = loose(column);
        Column defaulted = added.withDefaultValue(column.defaultValue());
        return new Step(List.of(new AddColumn(op.table(), added), new AlterColumn(op.table(), column.name(), added,
                        defaulted), new Backfill(op.table(), q(column.name()) + " = " + column.defaultValue(),
                        q(column.name()) + " is null", Backfill.DEFAULT_BATCH_SIZE)),
                List.of(new DropColumn(op.table(), column.name(), defaulted)),
                List.of(new AlterColumn(op.table(), column.name(), defaulted, column)),
                List.of(new AlterColumn(op.table(), column.name(), column, defaulted)));
    }

    private static Step typeChange(AlterColumn op, Table table, DdlRenderer types) {
        String name = op.name();
        String beside = besideName(table, name);
        Column added = loose(op.to().withName(beside));
        Column renamed = added.withName(name);
        Column restored = loose(op.from());
        String toNew = q(beside) + " = cast(" + q(name) + " as " + types.typeSql(op.to().type()) + ")";
        List<Index> indexes = indexesOn(table, name);
        List<Operation> contractUp = new ArrayList<>();
        contractUp.add(new Backfill(op.table(), toNew, q(beside) + " is null and " + q(name) + " is not null",
                Backfill.DEFAULT_BATCH_SIZE));
        indexes.forEach(index -> contractUp.add(new DropIndex(op.table(), index.name(), index)));
        contractUp.add(new DropColumn(op.table(), name, op.from()));
        contractUp.add(new RenameColumn(op.table(), beside, name));
        alterIfDifferent(contractUp, op.table(), renamed, op.to());
        indexes.forEach(index -> contractUp.add(new CreateIndex(op.table(), index)));
        List<Operation> contractDown = new ArrayList<>();
        indexes.forEach(index -> contractDown.add(new DropIndex(op.table(), index.name(), index)));
        alterIfDifferent(contractDown, op.table(), op.to(), renamed);
        contractDown.add(new RenameColumn(op.table(), name, beside));
        contractDown.add(new AddColumn(op.table(), restored));
        contractDown.add(new Backfill(op.table(), q(name) + " = cast(" + q(beside) + " as "
                + types.typeSql(op.from().type()) + ")", q(name) + " is null", Backfill.DEFAULT_BATCH_SIZE));
        alterIfDifferent(contractDown, op.table(), restored, op.from());
        indexes.forEach(index -> contractDown.add(new CreateIndex(op.table(), index)));
        return new Step(List.of(new AddColumn(op.table(), added),
                        new Backfill(op.table(), toNew, q(beside) + " is null", Backfill.DEFAULT_BATCH_SIZE)),
                List.of(new DropColumn(op.table(), beside, added)), contractUp, contractDown);
    }

    /**
     * The indexes on a column the contract drops: dropped before it (SQLite refuses to drop an indexed column) and
     * built again on the column that takes its place, so that the contracted table has the indexes the entities map.
     */
    private static List<Index> indexesOn(Table table, String column) {
        return table.indexes().stream().filter(index -> index.columnNames().contains(column)).toList();
    }

    private static Index renamed(Index index, String from, String to) {
        return new Index(index.name(), index.columns().stream()
                .map(c -> c.name().equals(from) ? c.withName(to) : c).toList(), index.unique());
    }

    /** {@code name_new}, or {@code name_new2}, ... when the table has such a column already. */
    private static String besideName(Table table, String name) {
        String candidate = name + "_new";
        for (int i = 2; table.column(candidate).isPresent(); i++) {
            candidate = name + "_new" + i;
        }
        return candidate;
    }

    /**
     * {@code to = from} for the rows that lack it: in expand every row ({@code to is null}); in contract
     * ({@code catchUp}) the rows the old version inserted since, whose {@code from} is set.
     */
    private static Backfill copy(String table, String to, String from, boolean catchUp) {
        return new Backfill(table, q(to) + " = " + q(from), q(to) + " is null" + (catchUp ? " and " + q(from)
                + " is not null" : ""), Backfill.DEFAULT_BATCH_SIZE);
    }

    private static void alterIfDifferent(List<Operation> operations, String table, Column from, Column to) {
        if (!from.equals(to)) {
            operations.add(new AlterColumn(table, to.name(), from, to));
        }
    }

    /** An identifier quoted as every dialect reads it (MariaDB runs with ANSI_QUOTES). */
    private static String q(String identifier) {
        return DdlRenderer.quoteIdentifier(identifier);
    }
}
