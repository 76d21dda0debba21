package dev.autogen.generator.diff;

import dev.autogen.migrate.SchemaInterpreter;
import dev.autogen.op.AddColumn;
import dev.autogen.op.CreateTable;
import dev.autogen.op.DropColumn;
import dev.autogen.op.DropTable;
import dev.autogen.op.Operation;
import dev.autogen.schema.Column;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Turns a drop plus an add into a rename, before {@link SchemaDiffer} sees the two schemas. Schemas only say what
 * exists, so a renamed table or column is, to the differ, one that disappears and one that appears: the plan would
 * drop the data. This class applies the renames the entities declare ({@link RenameHints}, from
 * {@code @RenamedFrom}) and finds the likely ones nobody declared, to be asked about or warned of.
 *
 * <p>Use: {@code applyHints} (or {@code apply}) gives the current schema with the renames done plus the rename
 * operations; those go first in the plan, and {@code differ.diff(renamed.current(), target)} gives the rest.
 *
 * <p>A hint applies only when the old name exists in {@code current} and the new one does not, so a hint left on an
 * entity after every database was migrated does nothing. A <em>candidate</em> (an undeclared rename) is a pair that
 * is compatible and unambiguous:
 * <ul>
 *   <li>columns, within a table both schemas have: a column only {@code current} has and a column only
 *       {@code target} has, whose types this dialect spells the same ({@link DdlRenderer#typeSql});</li>
 *   <li>tables: a table only {@code current} has and a table only {@code target} has, that share more than half of
 *       the columns of each, by name and type spelling (a rename usually keeps most columns; renaming a table and
 *       several of its columns at once is left to {@code @RenamedFrom});</li>
 *   <li>in both cases the disappearing one must be compatible with exactly one appearing one, and that one with
 *       exactly one disappearing one: when two could match, autogen suggests nothing.</li>
 * </ul>
 */
public final class RenameDetector {
    private final DdlRenderer types;

    public RenameDetector(Dialect dialect) {
        this.types = DdlRenderer.forDialect(dialect);
    }

    /** {@code current} with some renames done, and the rename operations that do them, in order. */
    public record Renamed(Schema current, List<Operation> renames) {
        public Renamed {
            renames = List.copyOf(renames);
        }

        /** Nothing renamed yet. */
        public static Renamed none(Schema current) {
            return new Renamed(current, List.of());
        }

        /** This, with {@code rename} done as well. */
        public Renamed then(Rename rename) {
            List<Operation> all = new ArrayList<>(renames);
            all.add(rename.operation());
            return new Renamed(SchemaInterpreter.apply(current, rename.operation()), all);
        }

        /** This, with each of {@code more} done in order. */
        public Renamed then(List<? extends Rename> more) {
            Renamed result = this;
            for (Rename rename : more) {
                result = result.then(rename);
            }
            return result;
        }
    }

    /** The renames of {@code hints} that fit {@code current}: tables first, then columns (by their new table). */
    public Renamed applyHints(Schema current, Schema target, RenameHints hints) {
        Renamed renamed = Renamed.none(current);
        for (Map.Entry<String, List<String>> hint : hints.tables().entrySet()) {
            String to = hint.getKey();
            if (target.table(to).isEmpty() || renamed.current().table(to).isPresent()) {
                continue;
            }
            Schema before = renamed.current();
            Optional<String> from = hint.getValue().stream().filter(old -> before.table(old).isPresent()).findFirst();
            if (from.isPresent()) {
                renamed = renamed.then(new Rename.OfTable(from.get(), to));
            }
        }
        for (Map.Entry<RenameHints.TableColumn, List<String>> hint : hints.columns().entrySet()) {
            String table = hint.getKey().table();
            String to = hint.getKey().column();
            Optional<Table> existing = renamed.current().table(table);
            boolean wanted = target.table(table).flatMap(t -> t.column(to)).isPresent();
            if (existing.isEmpty() || !wanted || existing.get().column(to).isPresent()) {
                continue;
            }
            Optional<String> from = hint.getValue().stream().filter(old -> existing.get().column(old).isPresent())
                    .findFirst();
            if (from.isPresent()) {
                renamed = renamed.then(new Rename.OfColumn(table, from.get(), to));
            }
        }
        return renamed;
    }

    /** Undeclared table renames from {@code current} to {@code target}, by old name. */
    public List<Rename> tableCandidates(Schema current, Schema target) {
        List<Table> dropped = current.tables().stream().filter(t -> target.table(t.name()).isEmpty()).toList();
        List<Table> added = target.tables().stream().filter(t -> current.table(t.name()).isEmpty()).toList();
        return tableCandidates(dropped, added);
    }

    /** Undeclared column renames within the tables both schemas have, by table and old name. */
    public List<Rename> columnCandidates(Schema current, Schema target) {
        List<Rename> candidates = new ArrayList<>();
        for (Table before : sorted(current.tables(), Table::name)) {
            Optional<Table> after = target.table(before.name());
            // the same column names in the same order: no candidate (most tables, on a no-op check)
            if (after.isPresent() && !sameColumnNames(before, after.get())) {
                List<Column> dropped = before.columns().stream()
                        .filter(c -> after.get().column(c.name()).isEmpty()).toList();
                List<Column> added = after.get().columns().stream()
                        .filter(c -> before.column(c.name()).isEmpty()).toList();
                candidates.addAll(columnCandidates(before.name(), dropped, added));
            }
        }
        return candidates;
    }

    private static boolean sameColumnNames(Table a, Table b) {
        if (a.columns().size() != b.columns().size()) {
            return false;
        }
        for (int i = 0; i < a.columns().size(); i++) {
            if (!a.columns().get(i).name().equals(b.columns().get(i).name())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The undeclared renames a finished plan still does as a drop plus an add, keyed by the index of the drop: where a
     * warning belongs. The same rules as on schemas, applied to the plan's {@code DropTable}/{@code CreateTable} and
     * {@code DropColumn}/{@code AddColumn} operations (drops without their previous definition are left out).
     */
    public SortedMap<Integer, Rename> candidatesIn(List<Operation> plan) {
        Map<String, Integer> dropIndex = new HashMap<>();
        List<Table> droppedTables = new ArrayList<>();
        List<Table> createdTables = new ArrayList<>();
        Map<String, List<Column>> droppedColumns = new TreeMap<>();
        Map<String, List<Column>> addedColumns = new TreeMap<>();
        for (int i = 0; i < plan.size(); i++) {
            // only four kinds of operation matter here: a filter, not an interpreter of the whole algebra
            Operation operation = plan.get(i);
            if (operation instanceof DropTable drop && drop.previous() != null) {
                droppedTables.add(drop.previous());
                dropIndex.put(drop.name(), i);
            } else if (operation instanceof CreateTable create) {
                createdTables.add(create.table());
            } else if (operation instanceof DropColumn drop && drop.previous() != null) {
                droppedColumns.computeIfAbsent(drop.table(), t -> new ArrayList<>()).add(drop.previous());
                dropIndex.put(drop.table() + "\u0000" + drop.name(), i);
            } else if (operation instanceof AddColumn add) {
                addedColumns.computeIfAbsent(add.table(), t -> new ArrayList<>()).add(add.column());
            }
        }
        SortedMap<Integer, Rename> candidates = new TreeMap<>();
        for (Rename rename : tableCandidates(droppedTables, createdTables)) {
            candidates.put(dropIndex.get(((Rename.OfTable) rename).from()), rename);
        }
        droppedColumns.forEach((table, dropped) -> {
            for (Rename rename : columnCandidates(table, dropped, addedColumns.getOrDefault(table, List.of()))) {
                candidates.put(dropIndex.get(table + "\u0000" + ((Rename.OfColumn) rename).from()), rename);
            }
        });
        return candidates;
    }

    private List<Rename> tableCandidates(List<Table> dropped, List<Table> added) {
        List<Rename> candidates = new ArrayList<>();
        for (Pair<Table> pair : pairs(sorted(dropped, Table::name), sorted(added, Table::name), this::similar)) {
            candidates.add(new Rename.OfTable(pair.old().name(), pair.renamed().name()));
        }
        return candidates;
    }

    private List<Rename> columnCandidates(String table, List<Column> dropped, List<Column> added) {
        List<Rename> candidates = new ArrayList<>();
        for (Pair<Column> pair : pairs(sorted(dropped, Column::name), sorted(added, Column::name), this::sameType)) {
            candidates.add(new Rename.OfColumn(table, pair.old().name(), pair.renamed().name()));
        }
        return candidates;
    }

    /** Each disappearing item with the one appearing item it fits, when neither fits anything else. */
    private static <T> List<Pair<T>> pairs(List<T> dropped, List<T> added, BiPredicate<T, T> compatible) {
        List<Pair<T>> pairs = new ArrayList<>();
        for (T old : dropped) {
            List<T> fits = added.stream().filter(a -> compatible.test(old, a)).toList();
            if (fits.size() == 1 && dropped.stream().filter(d -> compatible.test(d, fits.get(0))).count() == 1) {
                pairs.add(new Pair<>(old, fits.get(0)));
            }
        }
        return pairs;
    }

    private record Pair<T>(T old, T renamed) {
    }

    private boolean sameType(Column a, Column b) {
        return types.typeSql(a.type()).equalsIgnoreCase(types.typeSql(b.type()));
    }

    /** More than half of the columns of each table have a namesake of the same type in the other. */
    private boolean similar(Table a, Table b) {
        long shared = a.columns().stream()
                .filter(c -> b.column(c.name()).filter(other -> sameType(c, other)).isPresent()).count();
        return 2 * shared > a.columns().size() && 2 * shared > b.columns().size();
    }

    private static <T> List<T> sorted(List<T> items, Function<T, String> name) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing(name));
        return copy;
    }
}
