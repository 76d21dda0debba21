package dev.autogen.migrate.graph;

import dev.autogen.migrate.LoadedMigration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The edges of one view of the revision graph, checked once: every parent and dependency must be a revision of the
 * view, and the "requires" edges must not form a cycle. Kept apart from {@link RevisionGraph} so that the graph's
 * questions (paths, targets, squashes) read without the construction's bookkeeping; a view over a squash's originals
 * builds its own edges from the same class.
 *
 * @param byId the revisions of the view, by id (sorted)
 * @param children who follows each revision as parent (by id)
 * @param dependents reverse of "requires": who must be reverted before each revision
 * @param requirements {@link RevisionGraph#requires} of each revision, computed once ({@code ancestorsOf} runs once per
 *     applied revision)
 * @param order every revision, parents before children; ties in class-name (creation) order
 */
record RevisionEdges(Map<String, LoadedMigration> byId, Map<String, List<String>> children,
        Map<String, List<String>> dependents, Map<String, List<String>> requirements, List<LoadedMigration> order) {

    /** The edges among {@code nodes}, refused (one line naming the fix) when a parent or dependency is missing or they form a cycle. */
    static RevisionEdges of(Collection<LoadedMigration> nodes) {
        Map<String, LoadedMigration> ids = new TreeMap<>();
        nodes.forEach(m -> ids.put(m.id(), m));
        Map<String, List<String>> kids = new TreeMap<>();
        Map<String, List<String>> needers = new TreeMap<>();
        Map<String, List<String>> required = new HashMap<>();
        ids.keySet().forEach(id -> {
            kids.put(id, new ArrayList<>());
            needers.put(id, new ArrayList<>());
        });
        for (LoadedMigration m : ids.values()) {
            for (String parent : new TreeSet<>(m.parents())) {
                if (!ids.containsKey(parent)) {
                    throw new RevisionGraphException("revision " + m.id() + " (" + m.simpleName()
                            + ") follows parent " + parent
                            + ", which no migration declares — fix the parent id or restore the missing migration");
                }
                kids.get(parent).add(m.id());
            }
            for (String dependency : m.dependsOn()) {
                if (!ids.containsKey(dependency)) {
                    throw new RevisionGraphException("revision " + m.id() + " (" + m.simpleName()
                            + ") depends on " + dependency + ", which no migration declares — fix dependsOn (a full"
                            + " revision id) or restore the missing migration");
                }
            }
            required.put(m.id(), RevisionGraph.requires(m));
            required.get(m.id()).forEach(r -> needers.get(r).add(m.id()));
        }
        return new RevisionEdges(ids, kids, needers, required, topologicalOrder(ids, needers));
    }

    private static List<LoadedMigration> topologicalOrder(Map<String, LoadedMigration> byId,
            Map<String, List<String>> dependents) {
        Comparator<LoadedMigration> creation = Comparator.comparing(LoadedMigration::className)
                .thenComparing(LoadedMigration::id);
        Map<String, Integer> waiting = new HashMap<>();
        PriorityQueue<LoadedMigration> ready = new PriorityQueue<>(creation);
        for (LoadedMigration m : byId.values()) {
            int required = RevisionGraph.requires(m).size();
            waiting.put(m.id(), required);
            if (required == 0) {
                ready.add(m);
            }
        }
        List<LoadedMigration> sorted = new ArrayList<>();
        while (!ready.isEmpty()) {
            LoadedMigration m = ready.poll();
            sorted.add(m);
            for (String child : new TreeSet<>(dependents.get(m.id()))) {
                if (waiting.merge(child, -1, Integer::sum) == 0) {
                    ready.add(byId.get(child));
                }
            }
        }
        if (sorted.size() < byId.size()) {
            throw new RevisionGraphException("revisions form a cycle: " + describeCycle(byId, waiting)
                    + " — a revision cannot follow its own descendant; fix the parent ids");
        }
        return List.copyOf(sorted);
    }

    /** One cycle among the revisions Kahn's algorithm could not place, as {@code a -> b -> a} (each requires the next). */
    private static String describeCycle(Map<String, LoadedMigration> byId, Map<String, Integer> waiting) {
        String start = waiting.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .sorted().findFirst().orElseThrow();
        List<String> path = new ArrayList<>();
        String at = start;
        while (!path.contains(at)) {
            path.add(at);
            at = RevisionGraph.requires(byId.get(at)).stream().filter(p -> waiting.get(p) > 0).findFirst()
                    .orElseThrow();
        }
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(at), path.size()));
        cycle.add(at);
        return String.join(" -> ", cycle);
    }
}
