package dev.autogen.generator.project;

import dev.autogen.generator.diff.RenameDetector;
import dev.autogen.generator.diff.TypeText;
import dev.autogen.migrate.CheckExpressions;
import dev.autogen.op.AddCheckConstraint;
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
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.op.RenameTable;
import dev.autogen.op.RunCallback;
import dev.autogen.op.SetComment;
import dev.autogen.op.SetRowLevelSecurity;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The warnings a reviewer must see next to an operation: data loss (drops, narrowing type changes), lock hazards
 * (work that blocks writes on a table that already holds rows), and possible renames (a drop plus a compatible add
 * that {@code @RenamedFrom} would turn into a rename, see {@link RenameDetector}). They are printed by {@code autogen -m} and
 * {@code diff}, and written as comments above the operation in the generated migration.
 */
public final class PlanWarnings {
    private PlanWarnings() {
    }

    /**
     * {@link #of(List, Dialect)}, plus a warning on each rename or type change of a column that a row-level security
     * policy of {@code database} (the catalog the plan applies to) uses.
     */
    public static TreeMap<Integer, List<String>> of(List<Operation> plan, Dialect dialect, Schema database) {
        TreeMap<Integer, List<String>> warnings = of(plan, dialect);
        for (int i = 0; i < plan.size(); i++) {
            List<String> lines = List.of();
            if (plan.get(i) instanceof RenameColumn rename) {
                lines = policyWarnings(database, rename.table(), rename.from(), "PostgreSQL rewrites it to use "
                        + rename.to() + "; check that it still says what the entities declare");
            } else if (plan.get(i) instanceof AlterColumn alter && !sameTypeSpelling(alter, dialect)) {
                lines = policyWarnings(database, alter.table(), alter.name(),
                        "it is dropped before and re-created after the type change");
            }
            if (!lines.isEmpty()) {
                warnings.computeIfAbsent(i, k -> new ArrayList<>()).addAll(lines);
            }
        }
        return warnings;
    }

    private static List<String> policyWarnings(Schema database, String table, String column, String consequence) {
        return database.table(table).stream().flatMap(t -> t.policies().stream())
                .filter(p -> p.using() != null && CheckExpressions.mentions(p.using(), column)
                        || p.withCheck() != null && CheckExpressions.mentions(p.withCheck(), column))
                .map(p -> "row-level security: policy " + p.name() + " of " + table + " uses column " + column + "; "
                        + consequence)
                .toList();
    }

    /** Warning lines per operation index, for the operations that have any (sorted by index). */
    public static TreeMap<Integer, List<String>> of(List<Operation> plan, Dialect dialect) {
        Set<String> newTables = plan.stream().filter(CreateTable.class::isInstance)
                .map(op -> ((CreateTable) op).table().name()).collect(Collectors.toSet());
        TreeMap<Integer, List<String>> warnings = new TreeMap<>();
        for (int i = 0; i < plan.size(); i++) {
            List<String> lines = forOperation(plan.get(i), newTables, dialect);
            if (!lines.isEmpty()) {
                warnings.put(i, lines);
            }
        }
        // a drop plus an add that looks like an undeclared rename: said next to the drop, where the data is lost
        new RenameDetector(dialect).candidatesIn(plan).forEach((index, rename) ->
                warnings.computeIfAbsent(index, i -> new ArrayList<>()).add(rename.warning()));
        return warnings;
    }

    private static List<String> forOperation(Operation operation, Set<String> newTables, Dialect dialect) {
        List<String> lines = new ArrayList<>();
        switch (operation) {
            case DropTable drop -> lines.add("data loss: drops table " + drop.name() + " and every row in it");
            case DropColumn drop -> lines.add("data loss: drops column " + drop.table() + "." + drop.name()
                    + " and its values");
            case AlterColumn alter -> {
                if (narrows(alter.from().type(), alter.to().type())) {
                    lines.add("data loss: narrows " + alter.table() + "." + alter.name() + " from "
                            + TypeText.of(alter.from().type()) + " to " + TypeText.of(alter.to().type())
                            + "; values that do not fit make the upgrade fail or are cut");
                }
                if (alter.from().nullable() && !alter.to().nullable()) {
                    lines.add("fails if " + alter.table() + "." + alter.name() + " holds NULLs: fill them first");
                }
                if (!sameTypeSpelling(alter, dialect) && dialect == Dialect.POSTGRESQL) {
                    lines.add("hazard: rewrites " + alter.table() + " under an exclusive lock");
                }
                if (dialect == Dialect.SQLITE) {
                    lines.add("rebuilds " + alter.table() + " on SQLite (copies every row)");
                }
            }
            case AddColumn add -> {
                if (!add.column().nullable() && add.column().defaultValue() == null && !add.column().identity()) {
                    lines.add("fails if " + add.table() + " has rows: a NOT NULL column needs a default");
                }
            }
            case CreateIndex create -> {
                if (!newTables.contains(create.table()) && dialect == Dialect.POSTGRESQL) {
                    lines.add("hazard: builds an index while blocking writes on " + create.table());
                }
            }
            case AddForeignKey add -> {
                if (!newTables.contains(add.table()) && dialect == Dialect.POSTGRESQL) {
                    lines.add("hazard: validates existing rows of " + add.table() + " while holding a lock");
                }
            }
            case AddUniqueConstraint add -> {
                if (!newTables.contains(add.table())) {
                    lines.add("fails if " + add.table() + " already holds duplicates of "
                            + String.join(", ", add.constraint().columns()));
                }
            }
            case CreateTable create -> { }
            case RenameTable rename -> lines.add("breaks code that still uses the name " + rename.from());
            case RenameColumn rename -> lines.add("breaks code that still uses " + rename.table() + "."
                    + rename.from());
            case DropIndex drop -> { }
            case AddPrimaryKey add -> { }
            case DropPrimaryKey drop -> { }
            case DropForeignKey drop -> { }
            case DropUniqueConstraint drop -> { }
            case AddCheckConstraint add -> {
                if (!newTables.contains(add.table())) {
                    lines.add("fails if existing rows of " + add.table() + " violate the check");
                }
            }
            case DropCheckConstraint drop -> { }
            case CreateSequence create -> { }
            case DropSequence drop -> { }
            case AlterSequence alter -> {
                long from = Math.abs(alter.previous().increment());
                long to = Math.abs(alter.sequence().increment());
                if (to < from) {
                    lines.add("sequence " + alter.name() + ": increment " + from + " -> " + to + "; application"
                            + " instances still running with allocationSize " + from + " hand out ids that overlap"
                            + " the new ones: stop them before the upgrade");
                }
            }
            case SetRowLevelSecurity set -> {
                if (set.previous() != null && set.previous().enabled() && !set.state().enabled()) {
                    lines.add("security: turns row-level security of " + set.table() + " off; every row becomes"
                            + " visible to every role with table privileges");
                } else if (set.previous() != null && set.previous().forced() && !set.state().forced()) {
                    lines.add("security: " + set.table() + "'s owner is no longer held by its policies");
                }
            }
            case SetComment set -> { }
            case CreatePolicy create -> { }
            case DropPolicy drop -> lines.add("security: drops policy " + drop.name() + " of " + drop.table());
            case CreateEnumType create -> { }
            case DropEnumType drop -> { }
            case AlterEnumType alter -> {
                if (alter.onlyAddsValues()) {
                    lines.add("enum type " + alter.enumType().name() + " gets values " + alter.addedValues()
                            + " that cannot be used in the same transaction (PostgreSQL): use them in a later revision");
                } else {
                    lines.add("rebuilds enum type " + alter.enumType().name() + ": fails if a row holds a removed"
                            + " value, and defaults or views that use the type must be dropped first");
                }
            }
            case ExecuteSql sql -> { }
            case ExecuteDialectSql sql -> { }
            case RunCallback callback -> { }
        }
        return lines;
    }

    private static boolean sameTypeSpelling(AlterColumn alter, Dialect dialect) {
        var renderer = dev.autogen.sql.DdlRenderer.forDialect(dialect);
        return renderer.typeSql(alter.from().type()).equalsIgnoreCase(renderer.typeSql(alter.to().type()));
    }

    /** A change after which some existing values may not fit. */
    static boolean narrows(ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return false;
        }
        return switch (to) {
            case ColumnType.Varchar v when from instanceof ColumnType.Varchar f -> v.length() < f.length();
            case ColumnType.Varchar v when from instanceof ColumnType.Char f -> v.length() < f.length();
            case ColumnType.Char c when from instanceof ColumnType.Char f -> c.length() < f.length();
            case ColumnType.Numeric n when from instanceof ColumnType.Numeric f -> narrowerNumeric(f, n);
            case ColumnType.Text t -> false;
            case ColumnType.BigInt b -> !(from instanceof ColumnType.IntegerType || from instanceof ColumnType.SmallInt
                    || from instanceof ColumnType.TinyInt);
            case ColumnType.IntegerType i -> !(from instanceof ColumnType.SmallInt || from instanceof ColumnType.TinyInt);
            case ColumnType.SmallInt s -> !(from instanceof ColumnType.TinyInt);
            case ColumnType.DoublePrecision d -> !(from instanceof ColumnType.Real || from instanceof ColumnType.IntegerType
                    || from instanceof ColumnType.SmallInt || from instanceof ColumnType.TinyInt);
            // a change of kind may not fit: flag it rather than miss it
            case ColumnType.Varchar v -> true;
            case ColumnType.Char c -> true;
            case ColumnType.Numeric n -> true;
            case ColumnType.TinyInt t -> true;
            case ColumnType.Real r -> true;
            case ColumnType.BooleanType b -> true;
            case ColumnType.Date d -> true;
            case ColumnType.Time t -> true;
            case ColumnType.Timestamp t -> true;
            case ColumnType.Uuid u -> true;
            case ColumnType.Json j -> true;
            case ColumnType.Binary b -> true;
            case ColumnType.LargeObject l -> true;
            case ColumnType.Array a -> true;
            case ColumnType.Native n -> true;
        };
    }

    private static boolean narrowerNumeric(ColumnType.Numeric from, ColumnType.Numeric to) {
        if (to.precision() == null) {
            return false;
        }
        if (from.precision() == null) {
            return true;
        }
        int fromScale = from.scale() == null ? 0 : from.scale();
        int toScale = to.scale() == null ? 0 : to.scale();
        return toScale < fromScale || (to.precision() - toScale) < (from.precision() - fromScale);
    }
}
