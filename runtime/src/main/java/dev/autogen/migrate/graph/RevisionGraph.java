package dev.autogen.migrate.graph;

import dev.autogen.migrate.LoadedMigration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The revisions as a directed acyclic graph: each revision follows its parents. Built once from the loaded
 * migrations, it refuses duplicate ids, missing parents and cycles, and answers what {@code upgrade} and
 * {@code downgrade} must run to reach a target ({@code head}, {@code heads}, {@code base}, a revision id or a unique
 * prefix of one, {@code +N}, {@code -N}).
 *
 * <p>"Applied" is always derived from the current heads (the rows of the version table): a revision is applied when
 * it is a current head or an ancestor of one.
 */
public final class RevisionGraph {
    private final Map<String, LoadedMigration> byId;
    private final Map<String, List<String>> children;
    private final List<LoadedMigration> order;

    public RevisionGraph(List<LoadedMigration> migrations) {
        Map<String, LoadedMigration> ids = new TreeMap<>();
        for (LoadedMigration m : migrations) {
            LoadedMigration previous = ids.putIfAbsent(m.id(), m);
            if (previous != null) {
                throw new RevisionGraphException("duplicate revision id " + m.id() + " in " + previous.simpleName()
                        + " and " + m.simpleName() + " — give one of them a new id");
            }
        }
        Map<String, List<String>> kids = new TreeMap<>();
        ids.keySet().forEach(id -> kids.put(id, new ArrayList<>()));
        for (LoadedMigration m : ids.values()) {
            for (String parent : m.parents()) {
                if (!ids.containsKey(parent)) {
                    throw new RevisionGraphException("revision " + m.id() + " (" + m.simpleName()
                            + ") follows parent " + parent
                            + ", which no migration declares — fix the parent id or restore the missing migration");
                }
                kids.get(parent).add(m.id());
            }
        }
        this.byId = ids;
        this.children = kids;
        this.order = topologicalOrder();
    }

    /** Every revision, parents before children; ties in class-name (creation) order. */
    public List<LoadedMigration> inOrder() {
        return order;
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    public LoadedMigration get(String id) {
        LoadedMigration m = byId.get(id);
        if (m == null) {
            throw new RevisionGraphException("unknown revision " + id + " — run `autogen history` to list them");
        }
        return m;
    }

    /** Revisions no other revision follows, sorted by id. */
    public List<String> heads() {
        return children.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }

    /** Revisions without a parent, sorted by id. */
    public List<String> bases() {
        return byId.values().stream().filter(m -> m.parents().isEmpty()).map(LoadedMigration::id).toList();
    }

    /** The one head, or an error naming all of them. Null when there are no revisions. */
    public String singleHead() {
        List<String> heads = heads();
        if (heads.size() > 1) {
            throw new RevisionGraphException("multiple heads: " + String.join(", ", heads)
                    + " — merge them (autogen merge) or upgrade a specific revision");
        }
        return heads.isEmpty() ? null : heads.get(0);
    }

    /** A revision id from an id or a unique prefix of one. */
    public String resolve(String idOrPrefix) {
        if (byId.containsKey(idOrPrefix)) {
            return idOrPrefix;
        }
        List<String> matches = byId.keySet().stream().filter(id -> id.startsWith(idOrPrefix)).toList();
        if (matches.isEmpty()) {
            throw new RevisionGraphException("no revision matches " + idOrPrefix
                    + " — use head, base, +N, -N or an id from `autogen history`");
        }
        if (matches.size() > 1) {
            throw new RevisionGraphException("revision prefix " + idOrPrefix + " is ambiguous ("
                    + String.join(", ", matches) + ") — type more of the id");
        }
        return matches.get(0);
    }

    /** {@code ids} and all their ancestors. */
    public Set<String> ancestorsOf(Collection<String> ids) {
        Set<String> seen = new LinkedHashSet<>();
        ArrayDeque<String> work = new ArrayDeque<>(ids);
        while (!work.isEmpty()) {
            String id = work.pop();
            if (seen.add(id)) {
                work.addAll(get(id).parents());
            }
        }
        return seen;
    }

    /** Fails when a current head (a version-table row) is not a revision of this graph. */
    public void requireKnown(Collection<String> current, String source) {
        for (String id : current) {
            if (!byId.containsKey(id)) {
                throw new RevisionGraphException("the database is at revision " + id + ", which no migration in "
                        + source + " declares — point autogen at the migrations that were applied");
            }
        }
    }

    /** What {@code upgrade target} runs from {@code current} heads, parents first. */
    public List<LoadedMigration> upgradePath(Collection<String> current, String target) {
        requireKnown(current, "this project");
        Set<String> applied = ancestorsOf(current);
        List<String> goal = switch (target) {
            case "head" -> singleHead() == null ? List.of() : List.of(singleHead());
            case "heads" -> heads();
            case "base" -> List.of();
            default -> target.startsWith("+") ? List.of(stepsAhead(current, steps(target)))
                    : target.startsWith("-") ? refuse("upgrade cannot go back to " + target + " — use downgrade")
                    : List.of(resolve(target));
        };
        Set<String> wanted = ancestorsOf(goal);
        return order.stream().filter(m -> wanted.contains(m.id()) && !applied.contains(m.id())).toList();
    }

    /** What {@code downgrade target} reverts from {@code current} heads, children first. */
    public List<LoadedMigration> downgradePath(Collection<String> current, String target) {
        requireKnown(current, "this project");
        Set<String> applied = ancestorsOf(current);
        Set<String> kept = switch (target) {
            case "base" -> Set.of();
            case "head", "heads" -> refuse("downgrade cannot go forward to " + target + " — use upgrade");
            default -> {
                if (target.startsWith("+")) {
                    yield refuse("downgrade cannot go forward to " + target + " — use upgrade");
                }
                if (target.startsWith("-")) {
                    String back = stepsBack(current, steps(target));
                    yield back == null ? Set.of() : ancestorsOf(List.of(back));
                }
                String id = resolve(target);
                if (!applied.contains(id)) {
                    yield refuse("revision " + id + " is not applied, so downgrade cannot stop there"
                            + " — use upgrade to reach it");
                }
                yield ancestorsOf(List.of(id));
            }
        };
        List<LoadedMigration> revert = new ArrayList<>(
                order.stream().filter(m -> applied.contains(m.id()) && !kept.contains(m.id())).toList());
        return reversed(revert);
    }

    /** The version-table rows after applying {@code id} on top of {@code current}. */
    public List<String> headsAfterUpgrade(Collection<String> current, String id) {
        Set<String> next = new TreeSet<>(current);
        next.removeAll(get(id).parents());
        next.add(id);
        return List.copyOf(next);
    }

    /** The version-table rows after reverting {@code id}, which must be a current head. */
    public List<String> headsAfterDowngrade(Collection<String> current, String id) {
        Set<String> next = new TreeSet<>(current);
        next.remove(id);
        Set<String> stillApplied = ancestorsOf(next);
        for (String parent : get(id).parents()) {
            if (!stillApplied.contains(parent)) {
                next.add(parent);
            }
        }
        return List.copyOf(next);
    }

    private String stepsAhead(Collection<String> current, int n) {
        String head = singleHead();
        List<String> ahead = upgradePath(current, head == null ? "base" : head).stream()
                .map(LoadedMigration::id).toList();
        if (n > ahead.size()) {
            throw new RevisionGraphException("cannot upgrade " + n + " revisions: only " + ahead.size()
                    + " are not applied — use a smaller N or head");
        }
        return ahead.get(n - 1);
    }

    private String stepsBack(Collection<String> current, int n) {
        if (current.size() > 1) {
            throw new RevisionGraphException("the database has several heads (" + String.join(", ", new TreeSet<>(current))
                    + "), so -" + n + " is ambiguous — downgrade to a specific revision");
        }
        String at = current.isEmpty() ? null : current.iterator().next();
        for (int i = 0; i < n; i++) {
            if (at == null) {
                throw new RevisionGraphException("cannot downgrade " + n + " revisions: only " + i
                        + " are applied — use a smaller N or base");
            }
            List<String> parents = get(at).parents();
            if (parents.size() > 1) {
                throw new RevisionGraphException("revision " + at + " merges " + String.join(", ", parents)
                        + ", so -" + n + " is ambiguous — downgrade to a specific revision");
            }
            at = parents.isEmpty() ? null : parents.get(0);
        }
        return at;
    }

    private static int steps(String target) {
        try {
            int n = Integer.parseInt(target.substring(1));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new RevisionGraphException("bad relative target " + target + " — use +N or -N with N at least 1");
    }

    private static <T> T refuse(String message) {
        throw new RevisionGraphException(message);
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return List.copyOf(copy);
    }

    private List<LoadedMigration> topologicalOrder() {
        Comparator<LoadedMigration> creation = Comparator.comparing(LoadedMigration::className)
                .thenComparing(LoadedMigration::id);
        Map<String, Integer> waiting = new HashMap<>();
        PriorityQueue<LoadedMigration> ready = new PriorityQueue<>(creation);
        for (LoadedMigration m : byId.values()) {
            int distinctParents = new TreeSet<>(m.parents()).size();
            waiting.put(m.id(), distinctParents);
            if (distinctParents == 0) {
                ready.add(m);
            }
        }
        List<LoadedMigration> sorted = new ArrayList<>();
        while (!ready.isEmpty()) {
            LoadedMigration m = ready.poll();
            sorted.add(m);
            for (String child : new TreeSet<>(children.get(m.id()))) {
                if (waiting.merge(child, -1, Integer::sum) == 0) {
                    ready.add(byId.get(child));
                }
            }
        }
        if (sorted.size() < byId.size()) {
            throw new RevisionGraphException("revisions form a cycle: " + describeCycle(waiting)
                    + " — a revision cannot follow its own descendant; fix the parent ids");
        }
        return List.copyOf(sorted);
    }

    /** One cycle among the revisions Kahn's algorithm could not place, as {@code a -> b -> a} (each follows the next). */
    private String describeCycle(Map<String, Integer> waiting) {
        String start = waiting.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .sorted().findFirst().orElseThrow();
        List<String> path = new ArrayList<>();
        String at = start;
        while (!path.contains(at)) {
            path.add(at);
            at = byId.get(at).parents().stream().filter(p -> waiting.get(p) > 0).sorted().findFirst().orElseThrow();
        }
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(at), path.size()));
        cycle.add(at);
        return String.join(" -> ", cycle);
    }
}
