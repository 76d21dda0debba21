package dev.autogen.test;

import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tables in an order in which each comes after the tables its foreign keys reference, ties by name; a reference to
 * itself is ignored, and tables in a cycle of references come last, by name (their rows get what the parents that
 * were filled give them).
 */
final class ForeignKeyOrder {
    private ForeignKeyOrder() {
    }

    static List<Table> parentsFirst(List<Table> tables) {
        Map<String, Table> waiting = new LinkedHashMap<>();
        tables.stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(t -> waiting.put(t.name(), t));
        List<Table> order = new ArrayList<>();
        boolean progress = true;
        while (!waiting.isEmpty() && progress) {
            progress = false;
            for (Table table : List.copyOf(waiting.values())) {
                boolean ready = table.foreignKeys().stream().map(ForeignKey::referencedTable)
                        .noneMatch(parent -> !parent.equals(table.name()) && waiting.containsKey(parent));
                if (ready) {
                    order.add(table);
                    waiting.remove(table.name());
                    progress = true;
                }
            }
        }
        order.addAll(waiting.values());
        return order;
    }
}
