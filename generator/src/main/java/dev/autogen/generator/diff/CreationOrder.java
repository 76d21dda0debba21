package dev.autogen.generator.diff;

import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Table;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The order in which a set of tables can be created so that each table's foreign keys point at tables that already
 * exist: a topological order of the foreign keys among them, ties broken by name. Self-references need no order, and
 * keys to tables outside the set are ignored (those exist before or are handled elsewhere).
 *
 * <p>Where the keys form a cycle, no order exists: the smallest-named table on the cycle gives up its keys to the other
 * tables of that cycle ({@code deferred}), to be added once all tables exist. Only keys that close a cycle are
 * deferred; a table merely waiting for a cycle elsewhere keeps its keys inline.
 *
 * @param order    the table names, each after the tables it references
 * @param deferred the foreign keys that close cycles, per table name (only tables with some)
 */
record CreationOrder(List<String> order, Map<String, List<ForeignKey>> deferred) {

    static CreationOrder of(Map<String, Table> tables) {
        SortedMap<String, List<ForeignKey>> pending = new TreeMap<>();
        tables.forEach((name, table) -> pending.put(name, new ArrayList<>(table.foreignKeys().stream()
                .filter(fk -> !fk.referencedTable().equals(name) && tables.containsKey(fk.referencedTable()))
                .toList())));
        List<String> order = new ArrayList<>();
        Set<String> created = new HashSet<>();
        TreeSet<String> remaining = new TreeSet<>(tables.keySet());
        SortedMap<String, List<ForeignKey>> deferred = new TreeMap<>();
        while (!remaining.isEmpty()) {
            String ready = remaining.stream()
                    .filter(name -> pending.get(name).stream().allMatch(fk -> created.contains(fk.referencedTable())))
                    .findFirst().orElse(null);
            if (ready != null) {
                order.add(ready);
                created.add(ready);
                remaining.remove(ready);
                continue;
            }
            breakOneCycle(remaining, pending, deferred);
        }
        deferred.replaceAll((name, keys) -> List.copyOf(keys));
        return new CreationOrder(List.copyOf(order), deferred);
    }

    /** Every remaining table waits for another: defers the keys of the first table on a cycle that close it. */
    private static void breakOneCycle(Set<String> remaining, Map<String, List<ForeignKey>> pending,
                                      Map<String, List<ForeignKey>> deferred) {
        for (String name : remaining) {
            List<ForeignKey> closing = pending.get(name).stream()
                    .filter(fk -> remaining.contains(fk.referencedTable()))
                    .filter(fk -> reaches(fk.referencedTable(), name, remaining, pending))
                    .toList();
            if (!closing.isEmpty()) {
                pending.get(name).removeAll(closing);
                deferred.computeIfAbsent(name, n -> new ArrayList<>()).addAll(closing);
                return;
            }
        }
        throw new IllegalStateException("no cycle among tables that wait for each other: " + remaining);
    }

    /** Whether {@code to} is reachable from {@code from} along pending keys between remaining tables. */
    private static boolean reaches(String from, String to, Set<String> remaining, Map<String, List<ForeignKey>> pending) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String next = todo.removeFirst();
            if (next.equals(to)) {
                return true;
            }
            if (seen.add(next)) {
                pending.get(next).stream().map(ForeignKey::referencedTable).filter(remaining::contains)
                        .forEach(todo::addLast);
            }
        }
        return false;
    }

    /**
     * The order in which the same tables can be dropped once the {@code deferred} keys are gone: each table before the
     * tables it references, ties broken by name.
     */
    List<String> dropOrder(Map<String, Table> tables) {
        Map<String, Set<String>> referencedBy = new TreeMap<>();
        tables.keySet().forEach(name -> referencedBy.put(name, new HashSet<>()));
        tables.forEach((name, table) -> table.foreignKeys().stream()
                .filter(fk -> !fk.referencedTable().equals(name) && tables.containsKey(fk.referencedTable()))
                .filter(fk -> !deferred.getOrDefault(name, List.of()).contains(fk))
                .forEach(fk -> referencedBy.get(fk.referencedTable()).add(name)));
        List<String> drops = new ArrayList<>();
        TreeSet<String> remaining = new TreeSet<>(tables.keySet());
        while (!remaining.isEmpty()) {
            String ready = remaining.stream()
                    .filter(name -> referencedBy.get(name).stream().noneMatch(remaining::contains))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("foreign-key cycle left among " + remaining));
            drops.add(ready);
            remaining.remove(ready);
        }
        return List.copyOf(drops);
    }
}
