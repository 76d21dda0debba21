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
 * Where a database stands against the migrations at hand, revision by revision: the data behind a status listing
 * ({@code /actuator/autogen}). It is {@link AppliedRevisions}'s verdict spread over every revision, pending ones
 * included, with when and by whom each applied one was recorded, so that a listing and {@code validate} can never
 * disagree.
 *
 * @param current   the version-table rows
 * @param revisions every revision of the migrations, in the graph's order
 * @param problems  what disagrees ({@link AppliedRevisions.Report#problems()}): edited revisions, and version rows the
 *                  code lacks (the database is ahead of this code) or nobody knows
 */
public record MigrationStatus(List<String> current, List<RevisionStatus> revisions, List<IntegrityProblem> problems) {

    public MigrationStatus {
        current = List.copyOf(current);
        revisions = List.copyOf(revisions);
        problems = List.copyOf(problems);
    }

    /** True when no applied revision was edited and the database is at no revision the code lacks. */
    public boolean valid() {
        return problems.isEmpty();
    }

    /**
     * @param graph   the migrations at hand
     * @param current the version-table rows
     * @param history the history rows, oldest first
     * @param source  where the migrations come from, for the problems' messages
     */
    public static MigrationStatus of(RevisionGraph migrations, List<String> current, List<HistoryEntry> history,
            String source) {
        RevisionGraph graph = migrations.readingRows(current);
        AppliedRevisions.Report report = AppliedRevisions.check(graph, current, history, source);
        Set<String> edited = new HashSet<>();
        for (IntegrityProblem problem : report.problems()) {
            if (problem.kind() == IntegrityProblem.Kind.EDITED) {
                edited.add(problem.revision());
            }
        }
        Set<String> unverified = new HashSet<>(report.unverified());
        Set<String> verified = new HashSet<>(report.verified());
        Map<String, HistoryEntry> lastApplied = new HashMap<>();
        for (HistoryEntry entry : history) {
            if (entry.success() && !entry.direction().equals(HistoryEntry.DOWNGRADE)) {
                lastApplied.put(entry.revision(), entry);
            }
        }
        List<RevisionStatus> revisions = new ArrayList<>();
        for (LoadedMigration m : graph.inOrder()) {
            RevisionStatus.Checksum checksum = verified.contains(m.id()) ? RevisionStatus.Checksum.MATCHES
                    : edited.contains(m.id()) ? RevisionStatus.Checksum.EDITED
                    : unverified.contains(m.id()) ? RevisionStatus.Checksum.NOT_RECORDED
                    : RevisionStatus.Checksum.PENDING;
            boolean applied = checksum != RevisionStatus.Checksum.PENDING;
            HistoryEntry recorded = applied ? lastApplied.get(m.id()) : null;
            revisions.add(new RevisionStatus(m.id(), m.message(), m.parents(), applied,
                    recorded == null ? null : recorded.appliedAt(), recorded == null ? null : recorded.appliedBy(),
                    checksum));
        }
        return new MigrationStatus(current, revisions, report.problems());
    }
}
