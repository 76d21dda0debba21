package dev.autogen.generator.project;

import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.emit.JavaMigrationEmitter;
import dev.autogen.generator.emit.MigrationSpec;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.graph.RevisionGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code autogen squash [BASE:]REV -m MSG}: replaces a line of revisions (a feature branch's trial and error, or a long
 * applied history) with one revision that records the ids it replaces ({@code @Revision(replaces = ...)}), so that a
 * database that applied them reads as having applied the squash. Its upgrade is the revisions' upgrade operations in
 * order, data migrations ({@code ExecuteSql}) included in their place, so it builds exactly what they built; its
 * downgrade is their downgrades in reverse. A Java callback cannot be written into a new file, so a range holding one
 * is refused.
 *
 * <p>The originals' files are deleted unless {@code keepOriginals}: a database part-way through the range can then
 * only be upgraded through them, so unless {@code offline} the configured database is asked and, part-way, the
 * deletion is refused.
 */
public final class SquashRevisions {
    private static final Pattern NUMBERED = Pattern.compile("V(\\d{1,9})_.*");

    /** What was written: the squash's id and file, the ids it took the place of, the revisions re-parented onto it. */
    public record Outcome(String id, Path file, List<String> replaced, List<String> reparented) {
    }

    private SquashRevisions() {
    }

    /** @param range {@code REV} (from the first revision) or {@code BASE:REV} (the revisions after BASE) */
    public static Outcome run(Project project, String range, String message, String revisionId, boolean offline,
            boolean keepOriginals) {
        if (message == null || message.isBlank()) {
            throw new UsageException("a squash needs a message: pass -m \"what the revisions do together\"");
        }
        List<LoadedMigration> migrations = project.migrations();
        RevisionGraph graph = new RevisionGraph(migrations);
        int colon = range.indexOf(':');
        String base = colon < 0 || range.substring(0, colon).equals("base") ? null
                : graph.resolve(range.substring(0, colon));
        String last = graph.resolve(range.substring(colon + 1));
        Set<String> before = base == null ? Set.of() : graph.ancestorsOf(List.of(base));
        if (before.contains(last)) {
            throw new UsageException("nothing to squash: " + last + " is not after " + base + "; pass BASE:REV with"
                    + " BASE before REV");
        }
        Set<String> upTo = graph.ancestorsOf(List.of(last));
        if (base != null && !upTo.contains(base)) {
            throw new UsageException(base + " is not an ancestor of " + last + ": pass BASE:REV on one line of"
                    + " revisions");
        }
        List<LoadedMigration> squashed = graph.inOrder().stream()
                .filter(m -> upTo.contains(m.id()) && !before.contains(m.id())).toList();
        requireLine(squashed, base);
        Set<String> ids = new HashSet<>(squashed.stream().map(LoadedMigration::id).toList());
        List<LoadedMigration> children = new ArrayList<>();
        for (LoadedMigration other : migrations) {
            if (ids.contains(other.id())) {
                continue;
            }
            List<String> inside = new ArrayList<>(other.parents().stream().filter(ids::contains).toList());
            inside.addAll(other.dependsOn().stream().filter(ids::contains).toList());
            if (inside.stream().anyMatch(id -> !id.equals(last)) || other.dependsOn().contains(last)) {
                throw new UsageException("revision " + other.id() + " (" + other.simpleName() + ") follows or depends"
                        + " on " + String.join(", ", inside) + " inside the range: squash a range only the last of"
                        + " which others follow");
            }
            if (!inside.isEmpty()) {
                children.add(other);
            }
        }
        SquashPlan.Plan plan = SquashPlan.of(graph.inOrder().stream().filter(m -> before.contains(m.id())).toList(),
                squashed);
        String id = Autogenerate.revisionIdOrRandom(revisionId);
        if (graph.contains(id)) {
            throw new UsageException("revision id " + id + " is already used: choose another --rev-id");
        }
        if (!offline && !keepOriginals) {
            refusePartWay(project, graph, squashed);
        }
        Path directory = HeadSentinel.file(project.settings()).getParent();
        List<Path> originals = new ArrayList<>();
        for (LoadedMigration migration : squashed) {
            originals.add(source(migration, directory));
        }
        List<String> rewritten = new ArrayList<>();
        List<Path> childFiles = new ArrayList<>();
        for (LoadedMigration child : children) {
            Path file = source(child, directory);
            childFiles.add(file);
            rewritten.add(RebaseRevisions.reparent(RebaseRevisions.read(file), file, last, id));
        }
        Matcher numbered = NUMBERED.matcher(squashed.get(0).simpleName());
        int number = numbered.matches() ? Integer.parseInt(numbered.group(1))
                : RevisionWriter.nextNumber(migrations);
        String className = JavaMigrationEmitter.className(number, message.strip());
        MigrationSpec spec = new MigrationSpec(project.settings().migrationsPackage(), className, id,
                base == null ? List.of() : List.of(base), message.strip(), "Squashes " + String.join(", ",
                squashed.stream().map(LoadedMigration::id).toList()) + "; written by autogen squash.", plan.upgrade(),
                plan.downgrade()).replacing(squashed.stream().map(LoadedMigration::id).toList());
        Path target = directory.resolve(className + ".java");
        if (Files.exists(target) && !originals.contains(target)) {
            throw new UsageException("migration file already exists: " + target + ": change -m");
        }
        try {
            for (Path original : keepOriginals ? List.<Path>of() : originals) {
                Files.delete(original);
            }
            Path file = new RevisionWriter().writeFile(project.settings().migrationsDir(), spec);
            for (int i = 0; i < childFiles.size(); i++) {
                Files.writeString(childFiles.get(i), rewritten.get(i));
            }
            if (graph.heads().equals(List.of(last))) {
                HeadSentinel.write(directory, id);
            }
            return new Outcome(id, file, squashed.stream().map(LoadedMigration::id).toList(),
                    children.stream().map(LoadedMigration::id).toList());
        } catch (IOException e) {
            throw new UsageException("cannot rewrite the migrations in " + directory + ": " + e.getMessage()
                    + ": check --migrations", e);
        }
    }

    /**
     * Refuses to delete the originals when the configured database holds some but not all of them: without them it
     * could not be upgraded any more ({@code upgrade} would refuse, since running the squash would repeat what it has).
     */
    private static void refusePartWay(Project project, RevisionGraph graph, List<LoadedMigration> squashed) {
        Set<String> applied = graph.ancestorsOf(project.migrator().current().stream().filter(graph::knows).toList());
        List<String> held = squashed.stream().map(LoadedMigration::id).filter(applied::contains).toList();
        if (!held.isEmpty() && held.size() < squashed.size()) {
            String last = squashed.get(squashed.size() - 1).id();
            throw new UsageException(project.settings().displayUrl() + " is part-way through the range (at "
                    + held.get(held.size() - 1) + "): without the originals it could not be upgraded; keep them with"
                    + " --keep-originals until every database is past " + last + ", or upgrade it first");
        }
    }

    private static void requireLine(List<LoadedMigration> squashed, String base) {
        String previous = base;
        for (LoadedMigration migration : squashed) {
            List<String> expected = previous == null ? List.of() : List.of(previous);
            if (!migration.parents().equals(expected)) {
                throw new UsageException("revision " + migration.id() + " (" + migration.simpleName() + ") is not on"
                        + " one line from " + (base == null ? "base" : base) + ": squash a range without branches or"
                        + " merges");
            }
            previous = migration.id();
        }
    }

    private static Path source(LoadedMigration migration, Path directory) {
        Path file = migration.sourceFile() != null ? migration.sourceFile()
                : directory.resolve(migration.simpleName() + ".java");
        if (!Files.isRegularFile(file)) {
            throw new UsageException("cannot find the source of revision " + migration.id() + " (" + file
                    + "): squash rewrites migration sources; check --migrations");
        }
        return file;
    }
}
