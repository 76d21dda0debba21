package dev.autogen.generator.project;

import dev.autogen.hazard.HazardKind;
import dev.autogen.hazard.LintFinding;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.fleet.TargetVersion;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.sql.Dialect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code autogen lint --targets FILE}: the review gate over a fleet. What is pending differs per target (a canary
 * already upgraded, a tenant created last week at base), so each target's pending revisions are linted on its own
 * database's dialect, from the version rows its server's one summary query returned ({@code Rollout#versions}): no
 * connection per target. Targets with the same dialect and the same pending revisions share one lint. A target whose
 * versions cannot be read is linted over every revision (as {@link Lint} does without a database): a gate that cannot
 * tell what is pending checks more, never less.
 */
public final class FleetLint {
    private FleetLint() {
    }

    /**
     * One target's lint.
     *
     * @param target   the target's key ({@code eu-1/tenant_07})
     * @param dialect  whose hazards were checked
     * @param current  its version rows (empty: base, or unread)
     * @param pending  the revisions linted, in graph order
     * @param findings the unacknowledged hazards among them
     * @param note     why every revision was linted (the target could not be read), or null
     */
    public record TargetLint(String target, Dialect dialect, List<String> current, List<String> pending,
            List<LintFinding> findings, String note) {
        public TargetLint {
            current = List.copyOf(current);
            pending = List.copyOf(pending);
            findings = List.copyOf(findings);
        }

        public boolean passed() {
            return findings.isEmpty();
        }
    }

    /** Every target's lint, in the targets file's order; passed when no target has an unacknowledged hazard pending. */
    public record Report(List<TargetLint> targets) {
        public Report {
            targets = List.copyOf(targets);
        }

        public boolean passed() {
            return targets.stream().allMatch(TargetLint::passed);
        }

        /** The distinct findings over all targets, in revision and operation order of their first appearance. */
        public List<LintFinding> findings() {
            List<LintFinding> all = new ArrayList<>();
            for (TargetLint t : targets) {
                t.findings().stream().filter(f -> !all.contains(f)).forEach(all::add);
            }
            return all;
        }
    }

    /**
     * @param versions where each target is ({@code Rollout#versions})
     * @param dialect  the dialect whose hazards count for every target (null: each target's URL's)
     * @param accepted kinds accepted on top of the configuration's {@code lint.accept}
     */
    public static Report run(Project project, List<TargetVersion> versions, Dialect dialect, Set<HazardKind> accepted) {
        Set<HazardKind> kinds = Lint.acceptedKinds(project, accepted);
        RevisionGraph graph = new RevisionGraph(project.migrations());
        Map<String, List<LintFinding>> linted = new HashMap<>();
        List<TargetLint> targets = new ArrayList<>();
        for (TargetVersion v : versions) {
            Dialect target = dialect != null ? dialect : Dialect.fromJdbcUrl(v.target().spec().url());
            String note = v.readable() ? null : v.problem() + ": linting every revision";
            List<LoadedMigration> pending;
            if (note != null) {
                pending = graph.inOrder();
            } else {
                try {
                    pending = graph.upgradePath(v.current(), "heads");
                } catch (RuntimeException e) { // a version row these migrations do not define
                    note = e.getMessage() + ": linting every revision";
                    pending = graph.inOrder();
                }
            }
            List<String> ids = pending.stream().map(LoadedMigration::id).toList();
            List<LoadedMigration> revisions = pending;
            List<LintFinding> findings = linted.computeIfAbsent(target + " " + ids, k -> Lint.findings(revisions, target, kinds));
            targets.add(new TargetLint(v.target().key(), target, v.current(), ids, findings, note));
        }
        return new Report(targets);
    }
}
