package dev.autogen.migrate.graph;

import dev.autogen.migrate.LoadedMigration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revisions as a directed acyclic graph: each revision follows its parents, and may also depend on revisions of
 * other branches ({@link LoadedMigration#dependsOn()}). Built once from the loaded migrations, it refuses duplicate
 * ids, missing parents or dependencies and cycles, and answers what {@code upgrade} and {@code downgrade} must run to
 * reach a target ({@code head}, {@code heads}, {@code base}, a revision id or a unique prefix of one, {@code +N},
 * {@code -N}).
 *
 * <p>Two kinds of edge, as in Alembic: a parent edge makes the branch structure (heads, branch points, merges), while
 * both parents and dependencies must be applied before a revision ("requires"). "Applied" is always derived from the
 * rows of the version table: a revision is applied when it is a row or something a row requires, transitively. The
 * rows themselves are always the applied revisions none of whose children is applied ({@link #rowsFor}), so a branch
 * that another depends on keeps its own row.
 *
 * <p>A squash ({@link LoadedMigration#replaces()}) stands for the revisions it replaces ({@link Squashes}): every
 * method that takes version rows or a target reads them through the squashes, choosing the view a database part-way
 * through a squash needs (its originals, while they are in the code), so the migrator, {@code validate}, offline
 * scripts and fleet rollouts all read a database the same way.
 */
public final class RevisionGraph {
    /** Every migration given, originals of squashes included, by id. */
    private final Map<String, LoadedMigration> all;
    private final Squashes squashes;
    /** The squashes this view reads through their originals (empty for the graph the constructor builds). */
    private final Set<String> unsquashed;
    /** The graph the constructor built; views are made from it and answer for themselves. */
    private final RevisionGraph root;
    private final Map<Set<String>, RevisionGraph> views = new ConcurrentHashMap<>();
    private final Map<String, LoadedMigration> byId;
    private final Map<String, List<String>> children;
    /** Reverse of "requires": who must be reverted before each revision. */
    private final Map<String, List<String>> dependents;
    /** {@link #requires} of each revision, computed once: {@link #ancestorsOf} runs once per applied revision. */
    private final Map<String, List<String>> requirements;
    private final List<LoadedMigration> order;

    public RevisionGraph(List<LoadedMigration> migrations) {
        this(byId(migrations), null, null, Set.of());
    }

    private RevisionGraph(Map<String, LoadedMigration> all, Squashes known, RevisionGraph root,
            Set<String> unsquashed) {
        this.all = all;
        this.squashes = known != null ? known : Squashes.of(all);
        this.unsquashed = unsquashed;
        this.root = root == null ? this : root;
        RevisionEdges edges = RevisionEdges.of(squashes.nodes(unsquashed));
        this.byId = edges.byId();
        this.requirements = edges.requirements();
        this.children = edges.children();
        this.dependents = edges.dependents();
        this.order = edges.order();
    }

    private static Map<String, LoadedMigration> byId(List<LoadedMigration> migrations) {
        Map<String, LoadedMigration> ids = new TreeMap<>();
        for (LoadedMigration m : migrations) {
            LoadedMigration previous = ids.putIfAbsent(m.id(), m);
            if (previous != null) {
                throw new RevisionGraphException("duplicate revision id " + m.id() + " in " + previous.simpleName()
                        + " and " + m.simpleName() + " — give one of them a new id");
            }
        }
        return ids;
    }

    /**
     * The view that reads {@code held} version rows about to run or reach {@code named}: this graph unless they are
     * part-way through a squash whose originals are in the code ({@link Squashes#unsquashedFor}). Views are asked of
     * the constructed graph only, and answer for themselves.
     */
    private RevisionGraph view(Collection<String> held, String named, boolean running) {
        if (root != this || squashes.isEmpty()) {
            return this;
        }
        Set<String> wanted = squashes.unsquashedFor(held, named, running);
        return wanted.isEmpty() ? this
                : views.computeIfAbsent(wanted, u -> new RevisionGraph(all, squashes, this, Set.copyOf(u)));
    }

    /** The graph that reads a database at {@code rows} (itself unless the rows are part-way through a squash). */
    public RevisionGraph readingRows(Collection<String> rows) {
        return view(rows, null, false);
    }

    /**
     * {@code id} as this graph names it: the squash for the last revision it replaces, the last original for a squash
     * this view reads through its originals, else {@code id} itself.
     *
     * @throws RevisionGraphException for a revision part-way through a squash whose originals are gone
     */
    public String canonical(String id) {
        return squashes.canonical(id, unsquashed);
    }

    /**
     * Where a database at version rows {@code rows} stands, as the graph that reads it names the revisions: a row at
     * the last revision a squash replaces reads as the squash; rows the graph cannot read (unknown, part-way through a
     * squash whose originals are gone) stay as they are. Sorted. What {@code current} and fleet listings print.
     */
    public List<String> position(Collection<String> rows) {
        RevisionGraph view = readingRows(rows);
        return rows.stream().map(row -> view.knows(row) ? view.canonical(row) : row).sorted().distinct().toList();
    }

    /** Whether version row {@code id} reads as a revision of this graph. */
    public boolean knows(String id) {
        return byId.containsKey(id) || squashes.squashOf(id) != null && partWayProblem(id) == null;
    }

    /**
     * Why a database at {@code id} cannot go on with this graph (it holds part of a squash whose originals are gone),
     * or null.
     */
    public String partWayProblem(String id) {
        String squash = squashes.squashOf(id);
        return squash != null && !unsquashed.contains(squash) && squashes.partWay(id)
                && !squashes.originalsPresent(squash) ? squashes.partWayMessage(id) : null;
    }

    /** A note to print when {@code target} names a revision a squash replaces and is read as the squash, or null. */
    public String targetNote(String target) {
        return squashes.targetNote(target, view(List.of(), target, false).unsquashed);
    }

    /** Whether {@code target} names an original of a squash that a database reaches through the originals. */
    public boolean namesOriginal(String target) {
        return !view(List.of(), target, false).unsquashed.isEmpty();
    }

    /** The ids {@code squash} replaces, in order; empty for a revision that is not a squash. */
    public List<String> replaced(String squash) {
        return squashes.replaced(squash);
    }

    /**
     * The last originals of the squashes a database at {@code rows} is part-way through, while their originals are in
     * the code: {@code upgrade} goes through the originals to them first, and records the squash then.
     */
    public List<String> unfinishedSquashes(Collection<String> rows) {
        return view(rows, null, false).unsquashed.stream().map(squashes::last).toList();
    }

    /**
     * The version rows that name the last revision a squash of this graph replaces, each with that squash: a database
     * there has applied the squash, and is recorded at it from the next run on.
     */
    public Map<String, String> adoptions(Collection<String> rows) {
        RevisionGraph view = view(rows, null, false);
        Map<String, String> adopted = new TreeMap<>();
        for (String row : rows) {
            String squash = squashes.squashOf(row);
            if (squash != null && view.byId.containsKey(squash) && row.equals(squashes.last(squash))) {
                adopted.put(row, squash);
            }
        }
        return adopted;
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

    /** A revision of this graph, or an original that a squash stands for here (as written, for messages). */
    public LoadedMigration get(String id) {
        LoadedMigration m = byId.containsKey(id) ? byId.get(id) : all.get(id);
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

    /** The one head, or an error naming all of them and the commands that fix it. Null when there are no revisions. */
    public String singleHead() {
        List<String> heads = heads();
        if (heads.size() > 1) {
            throw new RevisionGraphException("multiple heads: " + String.join(", ", heads)
                    + " — join them with a merge revision (autogen merge -m \"merge heads\"), or apply every branch"
                    + " (autogen upgrade heads)");
        }
        return heads.isEmpty() ? null : heads.get(0);
    }

    /**
     * Branch points: revisions that two or more revisions follow as parent, each with those children (sorted by id).
     * A merge revision joins the branches again; until then the graph has several heads.
     */
    public Map<String, List<String>> branchPoints() {
        Map<String, List<String>> points = new TreeMap<>();
        children.forEach((id, kids) -> {
            if (kids.size() > 1) {
                points.put(id, kids.stream().sorted().toList());
            }
        });
        return points;
    }

    /** What must be applied before {@code m}: its parents and its dependencies, sorted, without repeats. */
    public static List<String> requires(LoadedMigration m) {
        Set<String> all = new TreeSet<>(m.parents());
        all.addAll(m.dependsOn());
        return List.copyOf(all);
    }

    /**
     * The revisions a target names: {@code head} (the single head), {@code heads} (all), {@code base} (none), or an
     * id or unique prefix. Relative targets ({@code +N}, {@code -N}) depend on the database and are refused here.
     */
    public List<String> absoluteTarget(String target) {
        RevisionGraph view = view(List.of(), target, false);
        if (view != this) {
            return view.absoluteTarget(target);
        }
        return switch (target) {
            case "head" -> singleHead() == null ? List.of() : List.of(singleHead());
            case "heads" -> heads();
            case "base" -> List.of();
            default -> target.startsWith("+") || target.startsWith("-")
                    ? refuse("a relative target (" + target + ") needs a database position — use head, heads, base"
                            + " or a revision id")
                    : List.of(resolve(target));
        };
    }

    /**
     * The version-table rows that describe {@code applied}: the applied revisions none of whose children (by parent
     * edge) is applied, sorted.
     */
    public List<String> rowsFor(Collection<String> applied) {
        RevisionGraph view = view(applied, null, false);
        if (view != this) {
            return view.rowsFor(applied);
        }
        Set<String> set = new TreeSet<>(applied);
        return set.stream().filter(byId::containsKey)
                .filter(id -> children.get(id).stream().noneMatch(set::contains)).toList();
    }

    /** The version-table rows after {@code stamp target}: the target and everything it requires, marked applied. */
    public List<String> rowsAfterStamp(String target) {
        RevisionGraph view = view(List.of(), target, false);
        if (view != this) {
            return view.rowsAfterStamp(target);
        }
        return rowsFor(ancestorsOf(absoluteTarget(target)));
    }

    /** A revision id from an id or a unique prefix of one. */
    public String resolve(String idOrPrefix) {
        RevisionGraph view = view(List.of(), idOrPrefix, false);
        if (view != this) {
            return view.resolve(idOrPrefix);
        }
        if (byId.containsKey(idOrPrefix)) {
            return idOrPrefix;
        }
        if (squashes.squashOf(idOrPrefix) != null) {
            return squashes.squashOf(idOrPrefix); // a target inside a squash this view does not unsquash: the squash
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

    /**
     * {@code ids} and everything they require (parents and dependencies), transitively; with a squash, the revisions
     * it replaces (a database that holds the squash holds them), and with the last original of a squash this view
     * reads through its originals, that squash.
     */
    public Set<String> ancestorsOf(Collection<String> ids) {
        RevisionGraph view = view(ids, null, false);
        if (view != this) {
            return view.ancestorsOf(ids);
        }
        Set<String> seen = new LinkedHashSet<>();
        ArrayDeque<String> work = new ArrayDeque<>(ids.stream().map(this::canonical).toList());
        while (!work.isEmpty()) {
            String id = work.pop();
            if (seen.add(id)) {
                if (!byId.containsKey(id)) {
                    throw new RevisionGraphException("unknown revision " + id
                            + " — run `autogen history` to list them");
                }
                work.addAll(requirements.get(id));
            }
        }
        if (!squashes.isEmpty()) {
            for (String id : List.copyOf(seen)) {
                seen.addAll(squashes.replaced(id));
            }
            unsquashed.stream().filter(s -> seen.contains(squashes.last(s))).forEach(seen::add);
        }
        return seen;
    }

    /** {@code ids} and everything that requires them (children and dependents), transitively. */
    public Set<String> descendantsOf(Collection<String> ids) {
        Set<String> seen = new LinkedHashSet<>();
        ArrayDeque<String> work = new ArrayDeque<>(ids);
        while (!work.isEmpty()) {
            String id = work.pop();
            if (seen.add(id)) {
                get(id);
                work.addAll(dependents.get(id));
            }
        }
        return seen;
    }

    /** Fails when a current head (a version-table row) is not a revision of this graph. */
    public void requireKnown(Collection<String> current, String source) {
        RevisionGraph view = view(current, null, false);
        if (view != this) {
            view.requireKnown(current, source);
            return;
        }
        for (String given : current) {
            String id = canonical(given);
            if (!byId.containsKey(id)) {
                throw new RevisionGraphException("the database is at revision " + id + ", which no migration in "
                        + source + " declares — point autogen at the migrations that were applied");
            }
        }
    }

    /** What {@code upgrade target} runs from {@code current} heads, parents first. */
    public List<LoadedMigration> upgradePath(Collection<String> current, String target) {
        RevisionGraph view = view(current, target, false);
        if (view != this) {
            return view.upgradePath(current, target);
        }
        requireKnown(current, "this project");
        Set<String> applied = ancestorsOf(current);
        List<String> goal = target.startsWith("+") ? List.of(stepsAhead(current, steps(target)))
                : target.startsWith("-") ? refuse("upgrade cannot go back to " + target + " — use downgrade")
                : absoluteTarget(target);
        Set<String> wanted = ancestorsOf(goal);
        return order.stream().filter(m -> wanted.contains(m.id()) && !applied.contains(m.id())).toList();
    }

    /**
     * What {@code downgrade target} reverts from {@code current} heads, children first: for a revision id, every
     * applied revision that requires it (its descendants and their dependents; other branches stay); for {@code -N},
     * the last N revisions of the single current branch and whatever requires them; for {@code base}, everything.
     */
    public List<LoadedMigration> downgradePath(Collection<String> current, String target) {
        RevisionGraph view = view(current, target, false);
        if (view != this) {
            return view.downgradePath(current, target);
        }
        requireKnown(current, "this project");
        Set<String> applied = ancestorsOf(current);
        Set<String> revert = switch (target) {
            case "base" -> applied;
            case "head", "heads" -> refuse("downgrade cannot go forward to " + target + " — use upgrade");
            default -> {
                if (target.startsWith("+")) {
                    yield refuse("downgrade cannot go forward to " + target + " — use upgrade");
                }
                if (target.startsWith("-")) {
                    yield descendantsOf(stepsBack(current, steps(target)));
                }
                String id = resolve(target);
                if (!applied.contains(id)) {
                    yield refuse("revision " + id + " is not applied, so downgrade cannot stop there"
                            + " — use upgrade to reach it");
                }
                Set<String> below = new LinkedHashSet<>(descendantsOf(List.of(id)));
                below.remove(id);
                yield below;
            }
        };
        List<LoadedMigration> path = new ArrayList<>(
                order.stream().filter(m -> applied.contains(m.id()) && revert.contains(m.id())).toList());
        return reversed(path);
    }

    /** The version-table rows after applying {@code id} on top of {@code current}. */
    public List<String> headsAfterUpgrade(Collection<String> current, String id) {
        RevisionGraph view = view(current, id, true);
        if (view != this) {
            return view.headsAfterUpgrade(current, id);
        }
        Set<String> applied = new LinkedHashSet<>(ancestorsOf(current));
        applied.add(id);
        return rowsFor(applied);
    }

    /** The version-table rows after reverting {@code id}, which nothing applied may still require. */
    public List<String> headsAfterDowngrade(Collection<String> current, String id) {
        RevisionGraph view = view(current, id, true);
        if (view != this) {
            return view.headsAfterDowngrade(current, id);
        }
        Set<String> applied = new LinkedHashSet<>(ancestorsOf(current));
        applied.remove(id);
        return rowsFor(applied);
    }

    /**
     * {@link #headsAfterUpgrade} for a caller that keeps the applied set across revisions (the migrator under a lock
     * held for its whole run): {@code rows} must be {@code rowsFor(applied)}. Applying {@code id} changes only the row
     * status of {@code id} and its parents, so this costs a few set operations instead of a walk of every applied
     * revision (which made a chain of 1 000 revisions quadratic).
     */
    public List<String> rowsAfterApplying(Collection<String> rows, Set<String> applied, String id) {
        RevisionGraph view = view(rows, id, true);
        if (view != this) {
            return view.rowsAfterApplying(rows, applied, id);
        }
        Set<String> after = new TreeSet<>(rows.stream().map(this::canonical).toList());
        get(id).parents().forEach(after::remove);
        if (children.get(id).stream().noneMatch(applied::contains)) {
            after.add(id);
        }
        return List.copyOf(after);
    }

    /**
     * {@link #headsAfterDowngrade} for a caller that keeps the applied set: {@code rows} must be the rows of the applied
     * set before, and {@code appliedAfter} that set without {@code id}. Only {@code id} and its parents change.
     */
    public List<String> rowsAfterReverting(Collection<String> rows, Set<String> appliedAfter, String id) {
        RevisionGraph view = view(rows, id, true);
        if (view != this) {
            return view.rowsAfterReverting(rows, appliedAfter, id);
        }
        Set<String> after = new TreeSet<>(rows.stream().map(this::canonical).toList());
        after.remove(id);
        for (String parent : get(id).parents()) {
            if (appliedAfter.contains(parent) && children.get(parent).stream().noneMatch(appliedAfter::contains)) {
                after.add(parent);
            }
        }
        return List.copyOf(after);
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

    /** The last {@code n} revisions of the single current branch, newest first. */
    private List<String> stepsBack(Collection<String> current, int n) {
        if (current.size() > 1) {
            throw new RevisionGraphException("the database has several heads (" + String.join(", ", new TreeSet<>(current))
                    + "), so -" + n + " is ambiguous — downgrade to a specific revision");
        }
        String at = current.isEmpty() ? null : canonical(current.iterator().next());
        List<String> walked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (at == null) {
                throw new RevisionGraphException("cannot downgrade " + n + " revisions: only " + i
                        + " are applied — use a smaller N or base");
            }
            walked.add(at);
            List<String> parents = get(at).parents();
            if (parents.size() > 1 && i < n - 1) {
                throw new RevisionGraphException("revision " + at + " merges " + String.join(", ", parents)
                        + ", so -" + n + " is ambiguous — downgrade to a specific revision");
            }
            at = parents.isEmpty() ? null : parents.get(0);
        }
        return walked;
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
}
