package dev.autogen.migrate.history;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares what the database says was applied (the version rows and the history) with the migrations at hand, the
 * way Flyway's {@code validate} does: an applied migration edited since (its checksum differs from the one recorded
 * when it ran), a version row that a deleted migration or newer code wrote ({@link IntegrityProblem.Kind#MISSING}),
 * and a version row nothing explains ({@link IntegrityProblem.Kind#UNKNOWN}).
 *
 * <p>The checksum an applied revision is held to is the one of its latest {@code upgrade}, {@code stamp} or
 * {@code repair} history row. Revisions applied only implicitly (the ancestors of a stamped revision) have no such row and are reported as
 * unverified, not as problems. When a version row is unknown to the code, the known revisions under it are taken from
 * the history (those whose latest row is not a downgrade), so that their checksums are still checked. A squash the
 * database applied through its originals, not yet recorded at the squash, counts as verified: the originals' rows are
 * history, checked when they ran.
 */
public final class AppliedRevisions {

    /**
     * The outcome.
     *
     * @param problems   what disagrees, in revision order (unknown rows last); empty means valid
     * @param verified   the applied revisions whose recorded checksum matches
     * @param unverified the applied revisions with no recorded checksum (stamped ancestors)
     */
    public record Report(List<IntegrityProblem> problems, List<String> verified, List<String> unverified) {
        public Report {
            problems = List.copyOf(problems);
            verified = List.copyOf(verified);
            unverified = List.copyOf(unverified);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private AppliedRevisions() {
    }

    /**
     * @param graph   the migrations at hand
     * @param current the version-table rows
     * @param history the history rows, oldest first
     * @param source  where the migrations come from, for messages ({@code "migrations/src/main/java"})
     */
    public static Report check(RevisionGraph migrations, List<String> current, List<HistoryEntry> history,
            String source) {
        RevisionGraph graph = migrations.readingRows(current);
        Map<String, HistoryEntry> lastApplied = new HashMap<>();
        Map<String, HistoryEntry> last = new HashMap<>();
        for (HistoryEntry entry : history) {
            if (entry.success()) {
                last.put(entry.revision(), entry);
                if (!entry.direction().equals(HistoryEntry.DOWNGRADE)) {
                    lastApplied.put(entry.revision(), entry);
                }
            }
        }
        List<IntegrityProblem> problems = new ArrayList<>();
        List<String> verified = new ArrayList<>();
        List<String> unverified = new ArrayList<>();
        List<String> known = current.stream().filter(graph::knows).toList();
        Set<String> applied = new HashSet<>(graph.ancestorsOf(known));
        if (known.size() < current.size()) {
            // a row the code does not know hides which known revisions are under it: the history says
            last.values().stream().filter(e -> !e.direction().equals(HistoryEntry.DOWNGRADE))
                    .map(HistoryEntry::revision).filter(graph::contains).forEach(applied::add);
        }
        for (LoadedMigration m : graph.inOrder()) {
            if (!applied.contains(m.id())) {
                continue;
            }
            HistoryEntry recorded = lastApplied.get(m.id());
            if (recorded == null && !m.replaces().isEmpty()
                    && m.replaces().stream().allMatch(lastApplied::containsKey)) {
                verified.add(m.id()); // applied through its originals, not yet recorded at the squash: they are history
            } else if (recorded == null || recorded.checksum().isEmpty()) {
                unverified.add(m.id());
            } else if (recorded.checksum().equals(MigrationChecksum.of(m))) {
                verified.add(m.id());
            } else {
                problems.add(new IntegrityProblem(IntegrityProblem.Kind.EDITED, m.id(), "revision " + m.id() + " ("
                        + m.simpleName() + ") was edited after it was applied (" + recorded.direction() + " "
                        + recorded.appliedAt() + " by " + recorded.appliedBy() + "): its operations no longer match"
                        + " the checksum recorded then — restore the applied version and put the change in a new"
                        + " revision"));
            }
        }
        for (String id : current) {
            if (graph.knows(id)) {
                continue;
            }
            HistoryEntry recorded = lastApplied.get(id);
            String partWay = graph.partWayProblem(id);
            if (partWay != null) {
                problems.add(new IntegrityProblem(IntegrityProblem.Kind.MISSING, id, partWay));
            } else if (recorded != null) {
                problems.add(new IntegrityProblem(IntegrityProblem.Kind.MISSING, id, "the database is at revision "
                        + id + " (" + recorded.direction() + " " + recorded.appliedAt() + " by " + recorded.appliedBy()
                        + "), which no migration in " + source + " defines: the database is ahead of this code"
                        + " — update this checkout, or restore the deleted migration"));
            } else {
                problems.add(new IntegrityProblem(IntegrityProblem.Kind.UNKNOWN, id, "the database is at revision "
                        + id + ", which neither the migrations in " + source + " nor the database's history know"
                        + " — it was set by hand or by another project; set the right one with autogen stamp REV"));
            }
        }
        return new Report(problems, verified, unverified);
    }
}
