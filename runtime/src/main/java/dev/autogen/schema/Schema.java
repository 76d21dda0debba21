package dev.autogen.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A database schema as a value: tables and sequences, sorted by name, so that two equal schemas are equal records
 * whatever produced them (the entity reader, a catalog reader, or a replay of migrations).
 */
public record Schema(List<Table> tables, List<Sequence> sequences, List<EnumType> enumTypes) {

    public static final Schema EMPTY = new Schema(List.of(), List.of());

    /** A schema without enum types (SQLite has none). */
    public Schema(List<Table> tables, List<Sequence> sequences) {
        this(tables, sequences, List.of());
    }

    public Schema {
        List<EnumType> sortedEnums = new ArrayList<>(enumTypes);
        sortedEnums.sort(Comparator.comparing(EnumType::name));
        enumTypes = List.copyOf(sortedEnums);
        List<Table> sortedTables = new ArrayList<>(tables);
        sortedTables.sort(Comparator.comparing(Table::name));
        tables = List.copyOf(sortedTables);
        List<Sequence> sortedSequences = new ArrayList<>(sequences);
        sortedSequences.sort(Comparator.comparing(Sequence::name));
        sequences = List.copyOf(sortedSequences);
        if (tables.stream().map(Table::name).distinct().count() != tables.size()) {
            throw new IllegalArgumentException("a schema declares a table twice");
        }
    }

    /** The table called {@code name}: a binary search, the tables being sorted by name (differs ask per table). */
    public Optional<Table> table(String name) {
        if (name == null) {
            return Optional.empty();
        }
        int low = 0;
        int high = tables.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = tables.get(middle).name().compareTo(name);
            if (order == 0) {
                return Optional.of(tables.get(middle));
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return Optional.empty();
    }

    public Optional<Sequence> sequence(String name) {
        return sequences.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Schema withTable(Table table) {
        List<Table> next = new ArrayList<>(tables.stream().filter(t -> !t.name().equals(table.name())).toList());
        next.add(table);
        return new Schema(next, sequences, enumTypes);
    }

    public Schema withoutTable(String name) {
        return new Schema(tables.stream().filter(t -> !t.name().equals(name)).toList(), sequences, enumTypes);
    }

    public Schema mapTable(String name, UnaryOperator<Table> change) {
        Table table = table(name).orElseThrow(() -> new IllegalArgumentException("no table " + name));
        return withTable(change.apply(table));
    }

    public Schema withSequence(Sequence sequence) {
        List<Sequence> next = new ArrayList<>(sequences.stream().filter(s -> !s.name().equals(sequence.name())).toList());
        next.add(sequence);
        return new Schema(tables, next, enumTypes);
    }

    public Schema withoutSequence(String name) {
        return new Schema(tables, sequences.stream().filter(s -> !s.name().equals(name)).toList(), enumTypes);
    }

    public Optional<EnumType> enumType(String name) {
        return enumTypes.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public Schema withEnumType(EnumType enumType) {
        List<EnumType> next = new ArrayList<>(enumTypes.stream().filter(e -> !e.name().equals(enumType.name())).toList());
        next.add(enumType);
        return new Schema(tables, sequences, next);
    }

    public Schema withoutEnumType(String name) {
        return new Schema(tables, sequences, enumTypes.stream().filter(e -> !e.name().equals(name)).toList());
    }
}
