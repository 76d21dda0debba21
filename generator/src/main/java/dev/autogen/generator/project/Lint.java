package dev.autogen.generator.project;

import dev.autogen.generator.config.DatabaseException;
import dev.autogen.generator.config.UsageException;
import dev.autogen.hazard.HazardKind;
import dev.autogen.hazard.LintFinding;
import dev.autogen.hazard.MigrationLint;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.sql.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code autogen lint} and {@code check --lint}: which revisions are in scope, and their unacknowledged hazards
 * ({@link MigrationLint}). The default scope is the pending revisions (not applied to the database); when no database
 * can be read (no SQLite file yet, a server that does not answer) every revision is linted instead and the report
 * says so: a gate that cannot tell what is pending checks more, never less. Shared by the CLI and build plugins.
 */
public final class Lint {
    private Lint() {
    }

    /** Which revisions to lint. */
    public enum Scope { PENDING, ALL, REVISION }

    /**
     * What was linted and what was found.
     *
     * @param scope     the scope actually used ({@link Scope#ALL} when pending could not be told)
     * @param dialect   the dialect whose hazards were checked
     * @param revisions the ids linted, in graph order
     * @param findings  the unacknowledged hazards (empty: the gate is open)
     * @param note      why the scope differs from the one asked for, if it does
     */
    public record Report(Scope scope, Dialect dialect, List<String> revisions, List<LintFinding> findings,
                         Optional<String> note) {
        public Report {
            revisions = List.copyOf(revisions);
            findings = List.copyOf(findings);
        }

        public boolean passed() {
            return findings.isEmpty();
        }
    }

    /**
     * @param revision the revision for {@link Scope#REVISION} (id, unique prefix, head); else null
     * @param dialect  the dialect whose hazards count (null: the project's)
     * @param accepted kinds accepted on top of the configuration's {@code lint.accept}
     */
    public static Report run(Project project, Scope scope, String revision, Dialect dialect, Set<HazardKind> accepted) {
        Dialect target = dialect != null ? dialect : project.dialect();
        Set<HazardKind> kinds = acceptedKinds(project, accepted);
        RevisionGraph graph = new RevisionGraph(project.migrations());
        Optional<String> unreadable = scope == Scope.PENDING ? unreadableDatabase(project) : Optional.empty();
        Scope used = unreadable.isPresent() ? Scope.ALL : scope;
        Optional<String> note = unreadable.map(reason -> reason + ": linting every revision");
        List<LoadedMigration> revisions = switch (used) {
            case ALL -> graph.inOrder();
            case REVISION -> graph.absoluteTarget(revision).stream().map(graph::get).toList();
            case PENDING -> graph.upgradePath(project.migrator().current(), "heads");
        };
        if (scope == Scope.REVISION && revisions.isEmpty()) {
            throw new UsageException("there is no revision to lint for " + revision
                    + ": lint takes a revision id or unique prefix, head or heads");
        }
        return new Report(used, target, revisions.stream().map(LoadedMigration::id).toList(),
                findings(revisions, target, kinds), note);
    }

    /** The configuration's {@code lint.accept} and {@code accepted}. */
    static Set<HazardKind> acceptedKinds(Project project, Set<HazardKind> accepted) {
        Set<HazardKind> kinds = EnumSet.noneOf(HazardKind.class);
        kinds.addAll(project.settings().lintAccept());
        kinds.addAll(accepted);
        return kinds;
    }

    /** {@link MigrationLint#of}; a migration whose {@code upgrade()} throws is a usage error (exit 2). */
    static List<LintFinding> findings(List<LoadedMigration> revisions, Dialect dialect, Set<HazardKind> kinds) {
        try {
            return MigrationLint.of(revisions, dialect, kinds);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException("a migration's upgrade() cannot be read: " + e.getMessage(), e);
        }
    }

    /** Why the database's applied revisions cannot be read, if they cannot (then nothing is known to be applied). */
    private static Optional<String> unreadableDatabase(Project project) {
        String url = project.settings().url();
        if (project.dialect() == Dialect.SQLITE) {
            String file = url.substring("jdbc:sqlite:".length());
            int query = file.indexOf('?');
            file = query < 0 ? file : file.substring(0, query);
            if (file.startsWith("file:")) {
                file = file.substring("file:".length());
            }
            if (file.isEmpty() || file.toLowerCase(Locale.ROOT).contains(":memory:")
                    || !Files.exists(Path.of(file))) {
                return Optional.of("no database file " + (file.isEmpty() ? "(in memory)" : file));
            }
        }
        try {
            project.migrator().current();
            return Optional.empty();
        } catch (DatabaseException e) {
            return Optional.of("no database to read (" + e.getMessage() + ")");
        }
    }
}
