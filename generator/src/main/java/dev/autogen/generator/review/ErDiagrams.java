package dev.autogen.generator.review;

import dev.autogen.generator.diff.TypeText;
import dev.autogen.generator.jpa.TenantIsolation;
import dev.autogen.generator.review.ErDiagram.Attribute;
import dev.autogen.generator.review.ErDiagram.Change;
import dev.autogen.generator.review.ErDiagram.Entity;
import dev.autogen.generator.review.ErDiagram.Relation;
import dev.autogen.schema.Column;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds {@link ErDiagram}s from schemas: the entity model's diagram for {@code autogen erd}, and the before and after
 * diagrams of the tables a revision touches for {@code autogen review}, each marking what the revision changed.
 */
public final class ErDiagrams {
    private ErDiagrams() {
    }

    /** The diagram of {@code tables} of {@code schema} (all of them when empty), with the foreign keys among them. */
    public static ErDiagram of(Schema schema, Collection<String> tables) {
        List<Table> shown = schema.tables().stream().filter(t -> tables.isEmpty() || tables.contains(t.name())).toList();
        Set<String> names = new HashSet<>();
        shown.forEach(t -> names.add(t.name()));
        List<Entity> entities = new ArrayList<>();
        List<Relation> relations = new ArrayList<>();
        for (Table table : shown) {
            entities.add(entity(table, Change.NONE, c -> Change.NONE));
            for (ForeignKey fk : table.foreignKeys()) {
                if (names.contains(fk.referencedTable())) {
                    relations.add(relation(table, fk, Change.NONE));
                }
            }
        }
        return new ErDiagram(entities, relations);
    }

    /** The tables whose definition differs between {@code before} and {@code after} (added, dropped or changed), sorted. */
    public static Set<String> touched(Schema before, Schema after) {
        Set<String> names = new TreeSet<>();
        before.tables().forEach(t -> names.add(t.name()));
        after.tables().forEach(t -> names.add(t.name()));
        names.removeIf(n -> before.table(n).equals(after.table(n)));
        return names;
    }

    /** The {@code tables} as they were {@code before}, marking what is dropped or changed {@code after}. */
    public static ErDiagram before(Schema before, Schema after, Set<String> tables) {
        return compared(before, after, tables, Change.DROPPED);
    }

    /** The {@code tables} as they are {@code after}, marking what was added or changed since {@code before}. */
    public static ErDiagram after(Schema before, Schema after, Set<String> tables) {
        return compared(after, before, tables, Change.ADDED);
    }

    /**
     * {@code shown}'s side of a comparison with {@code other}: what {@code shown} has and {@code other} lacks is
     * {@code missingElsewhere} (dropped seen from before, added seen from after), what both have but differ is changed.
     */
    private static ErDiagram compared(Schema shown, Schema other, Set<String> tables, Change missingElsewhere) {
        List<Entity> entities = new ArrayList<>();
        List<Relation> relations = new ArrayList<>();
        for (String name : tables) {
            Optional<Table> here = shown.table(name);
            if (here.isEmpty()) {
                continue;
            }
            Table table = here.get();
            Optional<Table> there = other.table(name);
            Change tableChange = there.isEmpty() ? missingElsewhere
                    : there.get().equals(table) ? Change.NONE : Change.CHANGED;
            entities.add(entity(table, tableChange, column -> {
                if (there.isEmpty()) {
                    return missingElsewhere;
                }
                Optional<Column> twin = there.get().column(column.name());
                return twin.isEmpty() ? missingElsewhere
                        : twin.get().equals(column) ? Change.NONE : Change.CHANGED;
            }));
            for (ForeignKey fk : table.foreignKeys()) {
                if (!tables.contains(fk.referencedTable()) && shown.table(fk.referencedTable()).isEmpty()) {
                    continue;
                }
                boolean kept = there.isPresent() && there.get().foreignKeys().stream().anyMatch(f -> sameKey(f, fk));
                relations.add(relation(table, fk, kept ? Change.NONE : missingElsewhere));
            }
        }
        return new ErDiagram(entities, relations.stream()
                .filter(r -> entities.stream().anyMatch(e -> e.name().equals(r.parent()))).toList());
    }

    private static boolean sameKey(ForeignKey a, ForeignKey b) {
        return a.columns().equals(b.columns()) && a.referencedTable().equals(b.referencedTable())
                && a.referencedColumns().equals(b.referencedColumns());
    }

    private static Entity entity(Table table, Change change, java.util.function.Function<Column, Change> columnChange) {
        Set<String> keys = new HashSet<>(table.primaryKey() == null ? List.of() : table.primaryKey().columns());
        Set<String> foreign = new HashSet<>();
        table.foreignKeys().forEach(fk -> foreign.addAll(fk.columns()));
        List<Attribute> columns = table.columns().stream().map(c -> new Attribute(c.name(), TypeText.of(c.type()),
                keys.contains(c.name()), foreign.contains(c.name()), unique(table, List.of(c.name())),
                c.nullable(), columnChange.apply(c))).toList();
        boolean tenant = table.policies().stream().anyMatch(p -> TenantIsolation.POLICY_NAME.equals(p.name()));
        return new Entity(table.name(), columns, tenant, change);
    }

    private static Relation relation(Table child, ForeignKey fk, Change change) {
        boolean optional = fk.columns().stream()
                .anyMatch(c -> child.column(c).map(Column::nullable).orElse(true));
        return new Relation(child.name(), fk.referencedTable(), fk.columns(), optional, unique(child, fk.columns()),
                change);
    }

    /** Whether {@code columns} are exactly the primary key, a unique constraint or a unique index of {@code table}. */
    private static boolean unique(Table table, List<String> columns) {
        Set<String> wanted = Set.copyOf(columns);
        if (table.primaryKey() != null && Set.copyOf(table.primaryKey().columns()).equals(wanted)) {
            return true;
        }
        for (UniqueConstraint unique : table.uniqueConstraints()) {
            if (Set.copyOf(unique.columns()).equals(wanted)) {
                return true;
            }
        }
        for (Index index : table.indexes()) {
            if (index.unique() && Objects.equals(Set.copyOf(index.columns().stream().map(IndexColumn::name).toList()),
                    wanted)) {
                return true;
            }
        }
        return false;
    }
}
