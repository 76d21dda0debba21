package dev.autogen.generator.jpa;

import static dev.autogen.generator.jpa.HibernateModelReader.stored;
import static dev.autogen.generator.jpa.HibernateModelReader.storedConstraintName;

import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.ConstraintNames;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.ColumnOrderingStrategyStandard;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.DenormalizedTable;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.UniqueKey;

/**
 * The keys, constraints and indexes of one Hibernate table, with autogen's names: a name the user wrote in an
 * annotation is kept; a name Hibernate invented (hashed {@code FKgopbr37…}, {@code UK…}, {@code IDX…}, or the
 * truncated {@code user_identitiPK}) is never what a database created from a migration has, so it is replaced by
 * the {@link ConstraintNames} convention.
 */
final class TableConstraints {

    /** Hibernate's hashed names: a prefix and a base-35 MD5 (usually 25 characters). */
    private static final Pattern HASHED = Pattern.compile("(FK|UK|IDX|PK)[0-9a-z]{20,30}");

    private final String tableName;
    private final org.hibernate.mapping.Table table;
    private final Metadata metadata;

    TableConstraints(String tableName, org.hibernate.mapping.Table table, Metadata metadata) {
        this.tableName = tableName;
        this.table = table;
        this.metadata = metadata;
    }

    Table applyTo(Table base) {
        return base.withPrimaryKey(primaryKey())
                .withUniqueConstraints(uniqueConstraints())
                .withForeignKeys(foreignKeys())
                .withChecks(checks())
                .withIndexes(indexes());
    }

    private PrimaryKey primaryKey() {
        if (!table.hasPrimaryKey()) {
            return null;
        }
        org.hibernate.mapping.PrimaryKey key = table.getPrimaryKey();
        String given = key.getName();
        String name = given == null || isHashed(given) || isDefaultPrimaryKeyName(given)
                ? ConstraintNames.primaryKey(tableName) : storedConstraintName(given);
        return new PrimaryKey(name, names(permuted(key.getColumns(), exportOrder(key))));
    }

    /**
     * Hibernate names a primary key after its table, cut short, plus {@code PK} ({@code user_identitiPK}); a
     * table-per-class subclass table inherits the root table's key name ({@code accountPK} on
     * {@code checking_account}), which would clash between the tables on PostgreSQL.
     */
    private boolean isDefaultPrimaryKeyName(String name) {
        if (!name.endsWith("PK")) {
            return false;
        }
        String prefix = name.substring(0, name.length() - 2);
        for (org.hibernate.mapping.Table t = table; t != null;
                t = t instanceof DenormalizedTable denormalized ? denormalized.getIncludedTable() : null) {
            if (t.getName().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private List<UniqueConstraint> uniqueConstraints() {
        Map<List<String>, UniqueConstraint> byColumns = new LinkedHashMap<>();
        List<UniqueKey> keys = new ArrayList<>(table.getUniqueKeys().values());
        keys.sort((a, b) -> Boolean.compare(b.isNameExplicit(), a.isNameExplicit()));
        for (UniqueKey key : keys) {
            List<String> columns = names(key.getColumns());
            String name = key.isNameExplicit() && key.getName() != null && !isHashed(key.getName())
                    ? storedConstraintName(key.getName()) : ConstraintNames.unique(tableName, columns);
            byColumns.putIfAbsent(columns, new UniqueConstraint(name, columns));
        }
        for (Column column : table.getColumns()) {
            if (column.isUnique()) {
                List<String> columns = List.of(stored(column));
                byColumns.putIfAbsent(columns, new UniqueConstraint(ConstraintNames.unique(tableName, columns), columns));
            }
        }
        // a unique constraint over exactly the key's columns is the key itself: PostgreSQL drops it from a CREATE TABLE
        // and Hibernate's export creates none, so declaring it would be drift forever (@Id @Column(unique = true))
        if (table.hasPrimaryKey()) {
            Set<String> key = Set.copyOf(names(table.getPrimaryKey().getColumns()));
            byColumns.keySet().removeIf(columns -> Set.copyOf(columns).equals(key));
        }
        return List.copyOf(byColumns.values());
    }

    private List<ForeignKey> foreignKeys() {
        List<ForeignKey> keys = new ArrayList<>();
        for (org.hibernate.mapping.ForeignKey key : table.getForeignKeyCollection()) {
            if (!key.isCreationEnabled() || !key.isPhysicalConstraint()) {
                continue;
            }
            org.hibernate.mapping.Table target = key.getReferencedTable();
            String targetName = HibernateModelReader.tableName(target);
            List<String> columns = names(key.getColumns());
            List<String> referenced = names(key.getReferencedColumns());
            if (key.isReferenceToPrimaryKey()) {
                // pairs with the referenced primary key's columns, which keep Hibernate's export order
                List<Integer> order = exportOrder(target.getPrimaryKey());
                columns = names(permuted(key.getColumns(), order));
                referenced = names(permuted(target.getPrimaryKey().getColumns(), order));
            }
            String given = key.getName();
            String name = given == null || isHashed(given)
                    ? ConstraintNames.foreignKey(tableName, columns, targetName) : storedConstraintName(given);
            keys.add(new ForeignKey(name, columns, targetName, referenced, onDelete(key.getOnDeleteAction())));
        }
        return keys;
    }

    /**
     * The order of a primary key's columns in the schema Hibernate's own export creates: before it creates a schema,
     * Hibernate orders the columns of composite keys ({@link ColumnOrderingStrategyStandard}: fixed-size types
     * first), so that is what a Hibernate-created database has and what a migration must create. As indexes into
     * {@code key.getColumns()}.
     */
    private List<Integer> exportOrder(org.hibernate.mapping.PrimaryKey key) {
        List<Column> original = key.getColumns();
        List<Column> ordered = original.size() < 2 || key.getOriginalOrder() != null ? null
                : ColumnOrderingStrategyStandard.INSTANCE.orderConstraintColumns(key, metadata);
        if (ordered == null || ordered.size() != original.size()) {
            return IntStream.range(0, original.size()).boxed().toList();
        }
        return ordered.stream().map(original::indexOf).toList();
    }

    private static List<Column> permuted(List<Column> columns, List<Integer> order) {
        return order.size() == columns.size() ? order.stream().map(columns::get).toList() : columns;
    }

    private static ReferentialAction onDelete(OnDeleteAction action) {
        if (action == null) {
            return ReferentialAction.NO_ACTION;
        }
        return switch (action) {
            case NO_ACTION -> ReferentialAction.NO_ACTION;
            case CASCADE -> ReferentialAction.CASCADE;
            case SET_NULL -> ReferentialAction.SET_NULL;
            case SET_DEFAULT -> ReferentialAction.SET_DEFAULT;
            case RESTRICT -> ReferentialAction.RESTRICT;
        };
    }

    private List<CheckConstraint> checks() {
        List<CheckConstraint> checks = new ArrayList<>();
        Set<String> taken = new TreeSet<>();
        for (Column column : table.getColumns()) {
            for (org.hibernate.mapping.CheckConstraint check : column.getCheckConstraints()) {
                String name = check.isNamed() ? storedConstraintName(check.getName())
                        : unused(ConstraintNames.columnCheck(tableName, stored(column)), taken);
                taken.add(name);
                checks.add(new CheckConstraint(name, check.getConstraint()));
            }
        }
        int ordinal = 0;
        for (org.hibernate.mapping.CheckConstraint check : table.getChecks()) {
            ordinal++;
            String name = check.isNamed() ? storedConstraintName(check.getName())
                    : unused(ConstraintNames.tableCheck(tableName, ordinal), taken);
            taken.add(name);
            checks.add(new CheckConstraint(name, check.getConstraint()));
        }
        return checks;
    }

    /** {@code name}, or {@code name_2}, {@code name_3}… when a second check on the same column took it. */
    private static String unused(String name, Set<String> taken) {
        String candidate = name;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = ConstraintNames.fit(name + "_" + n);
        }
        return candidate;
    }

    private List<Index> indexes() {
        List<Index> indexes = new ArrayList<>();
        for (org.hibernate.mapping.Index index : table.getIndexes().values()) {
            Map<Selectable, String> order = index.getSelectableOrderMap();
            List<IndexColumn> columns = new ArrayList<>();
            for (Selectable selectable : index.getSelectables()) {
                if (!(selectable instanceof Column column)) {
                    throw new EntityModelException("index " + index.getName() + " on " + tableName
                            + " has an expression (" + selectable.getText() + "): autogen models column indexes"
                            + " only; create it in a migration with executeSql");
                }
                String direction = order.get(selectable);
                boolean descending = direction != null && direction.strip().toLowerCase(Locale.ROOT).startsWith("desc");
                columns.add(new IndexColumn(stored(column), descending));
            }
            String given = index.getName();
            String name = given == null || isHashed(given)
                    ? ConstraintNames.index(tableName, columns.stream().map(IndexColumn::name).toList())
                    : storedConstraintName(given);
            indexes.add(new Index(name, columns, index.isUnique()));
        }
        return indexes;
    }

    private static boolean isHashed(String name) {
        return HASHED.matcher(name).matches();
    }

    private static List<String> names(List<Column> columns) {
        return columns.stream().map(HibernateModelReader::stored).toList();
    }
}
