package dev.autogen.migrate.graph;

import dev.autogen.migrate.LoadedMigration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The squashes among the migrations ({@link LoadedMigration#replaces()}) and how the graph reads them, as Django's
 * migration loader does. A squash stands for the revisions it replaces: a database that holds all of them has applied
 * it, and a fresh database runs only the squash. A database that holds some but not all of them is part-way through the
 * range; while every original is still in the code the graph reads such a database through the originals (the squash
 * "unsquashed", its followers re-pointed at the last original), and once they are gone it refuses, because running the
 * squash would repeat what that database has.
 *
 * <p>The graph is one view per set of unsquashed squashes; this class decides which view ids call for, and builds the
 * nodes of a view.
 */
final class Squashes {
    /** Every migration given, originals included, by id. */
    private final Map<String, LoadedMigration> all;
    /** Squash id to the ids it replaces, in order. */
    private final Map<String, List<String>> replaces;
    /** Replaced id to the squash that replaces it. */
    private final Map<String, String> replacedBy;

    private Squashes(Map<String, LoadedMigration> all, Map<String, List<String>> replaces,
            Map<String, String> replacedBy) {
        this.all = all;
        this.replaces = replaces;
        this.replacedBy = replacedBy;
    }

    /** @param all every migration by id (no duplicates) */
    static Squashes of(Map<String, LoadedMigration> all) {
        Map<String, List<String>> replaces = new TreeMap<>();
        Map<String, String> replacedBy = new TreeMap<>();
        for (LoadedMigration m : all.values()) {
            if (m.replaces().isEmpty()) {
                continue;
            }
            replaces.put(m.id(), m.replaces());
            for (String id : m.replaces()) {
                String other = replacedBy.put(id, m.id());
                if (id.equals(m.id()) || other != null) {
                    throw new RevisionGraphException("revision " + id + " is replaced by " + (other == null ? "itself"
                            : "both " + other + " and " + m.id()) + " — a revision can be squashed into one other"
                            + " revision only; fix replaces");
                }
            }
        }
        Squashes squashes = new Squashes(all, replaces, replacedBy);
        replaces.keySet().forEach(squashes::checkOriginals);
        return squashes;
    }

    boolean isEmpty() {
        return replaces.isEmpty();
    }

    /** The squash that replaces {@code id}, or null. */
    String squashOf(String id) {
        return replacedBy.get(id);
    }

    List<String> replaced(String squash) {
        return replaces.getOrDefault(squash, List.of());
    }

    String last(String squash) {
        List<String> ids = replaces.get(squash);
        return ids.get(ids.size() - 1);
    }

    /** Whether every revision {@code squash} replaces is still in the code, so a database can go through them. */
    boolean originalsPresent(String squash) {
        return replaces.get(squash).stream().allMatch(all::containsKey);
    }

    /** Whether {@code id} is an original of a squash, other than its last: holding it means being part-way. */
    boolean partWay(String id) {
        String squash = replacedBy.get(id);
        return squash != null && !id.equals(last(squash));
    }

    /**
     * The squashes to read through their originals for a database whose version rows are {@code held} and that is
     * about to run or reach {@code named} (a target or a revision; may be null): each squash part-way through which
     * {@code held} stands (an original other than its last, without the last or the squash itself), and each whose
     * non-last original {@code named} names (any original when {@code running}: running one means going through
     * them), when its originals are all still in the code.
     */
    Set<String> unsquashedFor(Collection<String> held, String named, boolean running) {
        Set<String> unsquashed = new TreeSet<>();
        for (String id : held) {
            String squash = replacedBy.get(id);
            if (partWay(id) && !held.contains(last(squash)) && !held.contains(squash) && originalsPresent(squash)) {
                unsquashed.add(squash);
            }
        }
        if (named != null && (running ? replacedBy.containsKey(named) : partWay(named))
                && originalsPresent(replacedBy.get(named))) {
            unsquashed.add(replacedBy.get(named));
        }
        return unsquashed;
    }

    /**
     * The revisions of the view that reads {@code unsquashed} through their originals: those squashes leave and their
     * originals stand in their place; every other squash stands for its originals, which leave. A parent or dependency
     * naming something that left is re-pointed at what stands for it.
     */
    List<LoadedMigration> nodes(Set<String> unsquashed) {
        if (isEmpty()) {
            return List.copyOf(all.values());
        }
        List<LoadedMigration> nodes = new ArrayList<>();
        for (LoadedMigration m : all.values()) {
            String squash = replacedBy.get(m.id());
            boolean left = unsquashed.contains(m.id()) || squash != null && !unsquashed.contains(squash);
            if (!left) {
                nodes.add(m.withRequirements(pointed(m, m.parents(), unsquashed),
                        pointed(m, m.dependsOn(), unsquashed)));
            }
        }
        return nodes;
    }

    /** {@code id} as the view that unsquashes {@code unsquashed} names it; fails for an original it cannot stand in. */
    String canonical(String id, Set<String> unsquashed) {
        if (unsquashed.contains(id)) {
            return last(id);
        }
        String squash = replacedBy.get(id);
        if (squash == null || unsquashed.contains(squash)) {
            return id;
        }
        if (id.equals(last(squash))) {
            return squash;
        }
        throw new RevisionGraphException(partWayMessage(id));
    }

    /**
     * Why a database at {@code id} cannot go on: it holds part of a squash whose originals are gone. One line naming
     * the last replaced id it holds.
     */
    String partWayMessage(String id) {
        String squash = replacedBy.get(id);
        List<String> ids = replaces.get(squash);
        List<String> held = ids.subList(0, ids.indexOf(id) + 1);
        return "the database is at revision " + id + ", part-way through squash " + squash + " (it holds "
                + String.join(", ", held) + " of " + String.join(", ", ids) + ") and the originals are no longer in"
                + " this code: running " + squash + " would repeat what it has — upgrade it to " + last(squash)
                + " with a release that still has the originals, then with this one";
    }

    /** A note when {@code target} names a revision a squash replaces and is read as the squash, else null. */
    String targetNote(String target, Set<String> unsquashed) {
        String squash = replacedBy.get(target);
        if (squash == null || unsquashed.contains(squash)) {
            return null;
        }
        return "note: " + target + " is squashed into " + squash + (target.equals(last(squash))
                ? " (its last revision), so the target is " + squash
                : " and the originals are not in this code, so the target is " + squash + ", which stands for "
                        + String.join(", ", replaces.get(squash)));
    }

    private void checkOriginals(String squash) {
        if (!originalsPresent(squash)) {
            return;
        }
        LoadedMigration first = all.get(replaces.get(squash).get(0));
        LoadedMigration self = all.get(squash);
        if (!new TreeSet<>(first.parents()).equals(new TreeSet<>(self.parents()))) {
            throw new RevisionGraphException("squash " + squash + " (" + self.simpleName() + ") follows "
                    + describe(self.parents()) + " but the first revision it replaces, " + first.id() + ", follows "
                    + describe(first.parents()) + " — a squash must follow what its first original follows");
        }
    }

    private List<String> pointed(LoadedMigration m, List<String> ids, Set<String> unsquashed) {
        List<String> pointed = new ArrayList<>();
        for (String id : ids) {
            String squash = replacedBy.get(id);
            if (unsquashed.contains(id)) {
                pointed.add(last(id));
            } else if (squash != null && !unsquashed.contains(squash)) {
                if (!id.equals(last(squash))) {
                    throw new RevisionGraphException("revision " + m.id() + " (" + m.simpleName() + ") follows or"
                            + " depends on " + id + ", which squash " + squash + " replaces without being its last"
                            + " revision — make it follow " + squash);
                }
                pointed.add(squash);
            } else {
                pointed.add(id);
            }
        }
        return pointed;
    }

    private static String describe(List<String> ids) {
        return ids.isEmpty() ? "nothing (base)" : String.join(", ", ids);
    }
}
