package dev.autogen.generator.diff;

import dev.autogen.generator.catalog.SqlExpressions;
import dev.autogen.generator.diff.Plan.Phase;
import dev.autogen.migrate.VersionTables;
import dev.autogen.op.AddForeignKey;
import dev.autogen.op.CreateIndex;
import dev.autogen.op.AlterEnumType;
import dev.autogen.op.CreateEnumType;
import dev.autogen.op.AlterSequence;
import dev.autogen.op.CreateSequence;
import dev.autogen.op.CreateTable;
import dev.autogen.op.DropForeignKey;
import dev.autogen.op.DropEnumType;
import dev.autogen.op.DropSequence;
import dev.autogen.op.DropTable;
import dev.autogen.op.Operation;
import dev.autogen.schema.Column;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.Schema;
import dev.autogen.schema.EnumType;
import dev.autogen.schema.Sequence;
import dev.autogen.schema.Table;
import dev.autogen.sql.Dialect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares the schema a database has ({@code current}, from a catalog reader) with the schema the entities imply
 * ({@code target}) and plans the operations that turn one into the other: the heart of autogenerate.
 *
 * <p>The plan runs top to bottom, each step finding what it needs (see {@link Plan.Phase} for the order), and it is
 * reversible: every drop carries the definition it drops, so reversing each operation and their order undoes it.
 * Comparing a schema with itself gives an empty plan, and definitions are matched by structure, never by the names
 * Hibernate or a database invented (see {@link TableDiffer} and {@link DefinitionComparison} for the rules).
 *
 * <p>Rules at the schema level:
 * <ul>
 *   <li>Tables are matched by name; the migrator's own version tables are never part of a diff. On SQLite, names
 *       that differ only in case are the same name (see {@link SqliteNameCase}).</li>
 *   <li>The primary key of a collection or join table is compared as a set of columns when only the order differs:
 *       that order is Hibernate's choice, and Hibernate's versions choose differently (see {@link DerivedKeyOrder}).</li>
 *   <li>A foreign key that does not change is still dropped first and re-added last when the plan drops the key it
 *       references or changes the type of one of its columns (see {@link ForeignKeyRebuilds}).</li>
 *   <li>A new table is created in one {@code CreateTable} with its keys, uniques and checks, but without its indexes,
 *       which follow as separate {@code CreateIndex} operations (each can then carry its own hazard). Tables are
 *       created after the tables they reference; a foreign key that closes a cycle among new tables, or that points
 *       at a key of an existing table that this plan adds or alters, is added after all creations instead.</li>
 *   <li>A dropped table is dropped with its full definition, before the tables it references; in a cycle of dropped
 *       tables, the closing foreign keys are dropped first (and are not part of the recorded definition).</li>
 *   <li>Sequences are matched by name; a changed start or increment is one {@link AlterSequence}, in place, so the
 *       sequence keeps its current value (a drop and create would start over and hand out ids already in use). On
 *       SQLite sequences are not compared: Hibernate models them as tables there.</li>
 *   <li>PostgreSQL named enum types are matched by name: a new one is created before the tables and columns (one
 *       {@code CreateEnumType} each), a removed one dropped after everything else, and changed values are one
 *       {@code AlterEnumType} (values added in place, or a rebuild: see {@link AlterEnumType}) before the columns
 *       change. SQLite has none.</li>
 *   <li>Table comments are compared like column comments (see {@link DefinitionComparison}); a change is a
 *       {@code SetComment} among the column alterations. A new table's comment stays in its {@code CreateTable}.</li>
 *   <li>Row-level security (switches and policies) is planned by {@link RowSecurityDiffer} on both databases: SQLite
 *       has none and skips those operations when it runs them, but a migration is database-neutral, and one generated
 *       against SQLite must still isolate tenants when it runs on PostgreSQL (fail closed). The SQLite side's current
 *       state is what its migrations set (the caller's concern). Created and dropped tables carry none in their
 *       {@code CreateTable}/{@code DropTable}: separate operations set and clear it.</li>
 * </ul>
 *
 * <p>A table equal to its target (the same record: every column, key, constraint, index, comment and policy spelled
 * alike) is not compared further, unless one of its foreign keys must be rebuilt around another table's change: a
 * no-op check at thousands of tables is almost only such tables, and comparing each definition by structure cost it
 * a third of a second at 5 500 tables. Equal tables plan nothing by the rule above (a schema diffed with itself plans
 * nothing), so the plan is the same; {@code SchemaDifferPropertiesTest} checks that against the full comparison.
 *
 * <p>Known limits: index names are schema-wide on PostgreSQL, but name clashes are only resolved within a table; a
 * matched key that is dropped and re-added to free its name (see {@link TableDiffer}) does not rebuild the foreign
 * keys that reference it.
 */
public final class SchemaDiffer {
    /** From this many tables on, {@link #unchanged} compares them on several threads. */
    private static final int PARALLEL_COMPARISON = 1_000;

    private final DefinitionComparison compare;
    private final DerivedKeyOrder derivedKeyOrder;
    /** Whether tables equal to their target skip the comparison (off only to test that it changes no plan). */
    private final boolean skipUnchanged;
    /** From how many tables on the unchanged ones are found on several threads (lowered only to test that path). */
    private final int parallelFrom;

    /**
     * @param dialect       the dialect both schemas are compared in (types are compared as this dialect spells them)
     * @param canonicalizer the normal form for column defaults and check expressions
     */
    public SchemaDiffer(Dialect dialect, ExpressionCanonicalizer canonicalizer) {
        this(dialect, canonicalizer, DerivedKeyOrder.NONE);
    }

    /**
     * @param derivedKeyOrder the tables whose primary key is compared as a set of columns: those whose key order
     *                        Hibernate chose (see {@link DerivedKeyOrder})
     */
    public SchemaDiffer(Dialect dialect, ExpressionCanonicalizer canonicalizer, DerivedKeyOrder derivedKeyOrder) {
        this(dialect, canonicalizer, derivedKeyOrder, true, PARALLEL_COMPARISON);
    }

    private SchemaDiffer(Dialect dialect, ExpressionCanonicalizer canonicalizer, DerivedKeyOrder derivedKeyOrder,
                         boolean skipUnchanged, int parallelFrom) {
        this.compare = new DefinitionComparison(dialect, canonicalizer);
        this.derivedKeyOrder = Objects.requireNonNull(derivedKeyOrder, "derivedKeyOrder");
        this.skipUnchanged = skipUnchanged;
        this.parallelFrom = parallelFrom;
    }

    /** A differ that compares every table, equal ones too: what the short cut for unchanged tables is tested against. */
    static SchemaDiffer comparingEveryTable(Dialect dialect) {
        return new SchemaDiffer(dialect, SqlExpressions::canonical, DerivedKeyOrder.NONE, false, PARALLEL_COMPARISON);
    }

    /** A differ that finds the unchanged tables on several threads however few there are (to test that path). */
    static SchemaDiffer findingUnchangedInParallel(Dialect dialect) {
        return new SchemaDiffer(dialect, SqlExpressions::canonical, DerivedKeyOrder.NONE, true, 0);
    }

    /** A differ that compares expressions in {@linkplain SqlExpressions#canonical autogen's canonical form}. */
    public SchemaDiffer(Dialect dialect) {
        this(dialect, SqlExpressions::canonical);
    }

    /** The operations that turn {@code current} into {@code target}, in execution order. */
    public List<Operation> diff(Schema current, Schema target) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(target, "target");
        SortedMap<String, Table> from = tablesOf(current);
        SortedMap<String, Table> to = tablesOf(compare.dialect() == Dialect.SQLITE
                ? SqliteNameCase.spelledAs(target, current) : target);
        Plan plan = new Plan();
        Set<String> unchanged = skipUnchanged ? unchanged(from, to, from.size() >= parallelFrom) : Set.of();
        ForeignKeyRebuilds rebuilds = new ForeignKeyRebuilds(from, to, compare, derivedKeyOrder, unchanged);
        TableDiffer tables = new TableDiffer(compare, rebuilds, plan, derivedKeyOrder);
        from.forEach((name, table) -> {
            if (to.containsKey(name) && (!unchanged.contains(name) || rebuilds.anyRequired(name, table))) {
                tables.diff(table, to.get(name));
            }
        });
        planDroppedTables(plan, without(from, to), rebuilds);
        planCreatedTables(plan, without(to, from), from, to);
        if (compare.dialect() != Dialect.SQLITE) {
            planSequences(plan, current.sequences(), target.sequences());
            planEnumTypes(plan, current.enumTypes(), target.enumTypes());
        }
        // on SQLite too: migrations are database-neutral, and one generated against SQLite must isolate tenants on
        // PostgreSQL (SQLite's runtime skips these operations with a notice)
        new RowSecurityDiffer(compare, plan).diff(from, to, unchanged);
        return plan.operations();
    }

    /**
     * The names of the tables on both sides whose definitions are equal records. Comparing thousands of tables deeply
     * is most of a no-op diff (a tenth of a second at 5 500 tables, the last step of a no-op {@code check}, when the
     * other threads have ended), so a large schema is compared on the common pool's threads too.
     */
    private static Set<String> unchanged(SortedMap<String, Table> from, SortedMap<String, Table> to,
                                         boolean parallel) {
        Stream<Map.Entry<String, Table>> tables = from.entrySet().stream();
        return (parallel ? tables.parallel() : tables)
                .filter(entry -> entry.getValue().equals(to.get(entry.getKey())))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static SortedMap<String, Table> tablesOf(Schema schema) {
        SortedMap<String, Table> tables = new TreeMap<>();
        schema.tables().stream()
                .filter(t -> !VersionTables.isVersionTable(t.name()))
                .forEach(t -> tables.put(t.name(), t));
        return tables;
    }

    private static SortedMap<String, Table> without(SortedMap<String, Table> tables, Map<String, Table> other) {
        SortedMap<String, Table> rest = new TreeMap<>(tables);
        rest.keySet().removeAll(other.keySet());
        return rest;
    }

    /**
     * Drops tables, each before the tables it references. Foreign keys that close a cycle among them, and those that
     * stand on a key or column of a surviving table that the plan changes before tables are dropped, are dropped
     * first, with the other foreign keys.
     */
    private static void planDroppedTables(Plan plan, SortedMap<String, Table> dropped, ForeignKeyRebuilds rebuilds) {
        CreationOrder creation = CreationOrder.of(dropped);
        for (String name : dropped.keySet()) {
            List<ForeignKey> first = new ArrayList<>(creation.deferred().getOrDefault(name, List.of()));
            dropped.get(name).foreignKeys().stream()
                    .filter(fk -> !dropped.containsKey(fk.referencedTable()) && rebuilds.required(name, fk))
                    .forEach(first::add);
            first.stream().sorted(Comparator.comparing(ForeignKey::name)).forEach(fk ->
                    plan.add(Phase.DROP_FOREIGN_KEYS, name, new DropForeignKey(name, fk.name(), fk)));
            dropped.put(name, withoutKeys(dropped.get(name), first));
        }
        for (String name : creation.dropOrder(dropped)) {
            plan.add(Phase.DROP_TABLES, name, new DropTable(name, dropped.get(name).withoutRowLevelSecurity()));
        }
    }

    private void planCreatedTables(Plan plan, SortedMap<String, Table> created, SortedMap<String, Table> existing,
                                   SortedMap<String, Table> target) {
        CreationOrder creation = CreationOrder.of(created);
        for (String name : creation.order()) {
            Table table = created.get(name);
            List<ForeignKey> later = new ArrayList<>(creation.deferred().getOrDefault(name, List.of()));
            table.foreignKeys().stream()
                    .filter(fk -> existing.containsKey(fk.referencedTable()))
                    .filter(fk -> !referencedKeyUntouched(existing.get(fk.referencedTable()),
                            target.get(fk.referencedTable()), fk.referencedColumns()))
                    .forEach(later::add);
            // a self-reference inline needs its key inline too: a unique index only exists after the table
            table.foreignKeys().stream()
                    .filter(fk -> fk.referencedTable().equals(name) && !hasInlineKey(table, fk.referencedColumns()))
                    .forEach(later::add);
            plan.add(Phase.CREATE_TABLES, name, new CreateTable(withoutKeys(table, later).withIndexes(List.of())
                    .withoutRowLevelSecurity()));
            for (Index index : table.indexes()) {
                plan.add(Phase.CREATE_TABLES, name, new CreateIndex(name, index));
            }
            later.stream().distinct().sorted(Comparator.comparing(ForeignKey::name)).forEach(fk ->
                    plan.add(Phase.ADD_FOREIGN_KEYS, name, new AddForeignKey(name, fk)));
        }
    }

    /**
     * Whether an existing table's key that a new table's foreign key references is there, unchanged, while tables are
     * created: the same primary key or the same unique constraint or index on both sides, over columns whose type this
     * plan does not change. Otherwise the foreign key must wait until the key has been added (an inline key would fail).
     */
    private boolean referencedKeyUntouched(Table current, Table target, List<String> columns) {
        if (target == null) {
            return true; // the referenced table is dropped: the target is inconsistent, nothing to order by
        }
        boolean primary = current.primaryKey() != null && target.primaryKey() != null
                && current.primaryKey().columns().equals(columns) && target.primaryKey().columns().equals(columns);
        boolean unique = hasUniqueKey(current, columns) && hasUniqueKey(target, columns);
        boolean sameTypes = columns.stream().allMatch(c -> {
            Column from = current.column(c).orElse(null);
            Column to = target.column(c).orElse(null);
            return from != null && to != null && compare.sameColumnType(from, to);
        });
        return (primary || unique) && sameTypes;
    }

    private static boolean hasInlineKey(Table table, List<String> columns) {
        Set<String> wanted = Set.copyOf(columns);
        return (table.primaryKey() != null && Set.copyOf(table.primaryKey().columns()).equals(wanted))
                || table.uniqueConstraints().stream().anyMatch(u -> Set.copyOf(u.columns()).equals(wanted));
    }

    private static boolean hasUniqueKey(Table table, List<String> columns) {
        return table.uniqueConstraints().stream().anyMatch(u -> u.columns().equals(columns))
                || table.indexes().stream().anyMatch(i -> TableDiffer.isPlainUniqueIndexOn(i, columns));
    }

    private static Table withoutKeys(Table table, List<ForeignKey> keys) {
        return keys.isEmpty() ? table : table.withForeignKeys(
                table.foreignKeys().stream().filter(fk -> !keys.contains(fk)).toList());
    }

    private static void planSequences(Plan plan, List<Sequence> current, List<Sequence> target) {
        Matches<Sequence> matches = Matches.byKey(current, target, Sequence::name);
        matches.removed().forEach(s -> plan.add(Phase.DROP_SEQUENCES, s.name(), new DropSequence(s.name(), s)));
        for (Matches.Pair<Sequence> pair : matches.pairs()) {
            Sequence from = pair.current();
            Sequence to = pair.target();
            if (from.start() != to.start() || from.increment() != to.increment()) {
                plan.add(Phase.CREATE_SEQUENCES, to.name(), new AlterSequence(to, from));
            }
        }
        matches.added().forEach(s -> plan.add(Phase.CREATE_SEQUENCES, s.name(), new CreateSequence(s)));
    }

    private static void planEnumTypes(Plan plan, List<EnumType> current, List<EnumType> target) {
        Matches<EnumType> matches = Matches.byKey(current, target, EnumType::name);
        matches.removed().forEach(e -> plan.add(Phase.DROP_ENUM_TYPES, e.name(), new DropEnumType(e.name(), e)));
        for (Matches.Pair<EnumType> pair : matches.pairs()) {
            if (!pair.current().values().equals(pair.target().values())) {
                plan.add(Phase.CREATE_ENUM_TYPES, pair.target().name(),
                        new AlterEnumType(pair.target(), pair.current()));
            }
        }
        matches.added().forEach(e -> plan.add(Phase.CREATE_ENUM_TYPES, e.name(), new CreateEnumType(e)));
    }
}
