package dev.autogen.generator.jpa;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the entities declare about Citus ({@link dev.autogen.annotations.Distributed},
 * {@link dev.autogen.annotations.ReferenceTable}), by table name as the database stores it; sorted, so that the steps
 * written from it come out in one order.
 *
 * @param distributed the distributed tables and their distribution column
 * @param reference   the reference tables
 */
public record CitusLayout(Map<String, String> distributed, Set<String> reference) {
    /** Nothing declared. */
    public static final CitusLayout NONE = new CitusLayout(Map.of(), Set.of());

    public CitusLayout {
        distributed = new TreeMap<>(distributed);
        reference = new TreeSet<>(reference);
    }

    public boolean isEmpty() {
        return distributed.isEmpty() && reference.isEmpty();
    }
}
