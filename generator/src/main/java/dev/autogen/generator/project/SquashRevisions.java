package dev.autogen.generator.project;

import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.emit.JavaMigrationEmitter;
import dev.autogen.generator.emit.MigrationSpec;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.op.Operation;
import dev.autogen.op.RunCallback;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code autogen squash [BASE:]REV -m MSG}: replaces a line of revisions that no database has applied (a feature
 * branch's trial and error) with one revision. Its upgrade is the revisions' upgrade operations in order, data
 * migrations ({@code ExecuteSql}) included in their place, so it builds exactly what they built; its downgrade is their
 * downgrades in reverse. A Java callback cannot be written into a new file, so a range holding one is refused.
 *
 * <p>This version does not record {@code replaces}: the runtime does not yet know that a database at {@code REV} has
 * applied the squash, so, as for {@code rebase}, the configured database is asked first and a range it has applied is
 * refused ({@code --offline} trusts the files). See docs/teams.md for the design of squashing applied revisions.
 */
public final class SquashRevisions {
    private static final Pattern NUMBERED = Pattern.compile("V(\\d{1,9})_.*");

    /** What was written: the squash's id and file, the ids it took the place of, the revisions re-parented onto it. */
    public record Outcome(String id, Path file, List<String> replaced, List<String> reparented) {
    }

    private SquashRevisions() {
    }

    /** @param range {@code REV} (from the first revision) or {@code BASE:REV} (the revisions after BASE) */
    public static Outcome run(Project project, String range, String message, String revisionId, boolean offline) {
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
        refuseContracts(squashed);
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
        List<Operation> upgrade = new ArrayList<>();
        List<Operation> downgrade = new ArrayList<>();
        for (LoadedMigration migration : squashed) {
            upgrade.addAll(operations(migration, migration.upgradeOperations()));
        }
        for (LoadedMigration migration : squashed.reversed()) {
            downgrade.addAll(operations(migration, migration.downgradeOperations()));
        }
        String id = Autogenerate.revisionIdOrRandom(revisionId);
        if (graph.contains(id)) {
            throw new UsageException("revision id " + id + " is already used: choose another --rev-id");
        }
        if (!offline) {
            RebaseRevisions.refuseApplied(project, graph, squashed, "squashing", "squash only revisions no database"
                    + " has applied");
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
                squashed.stream().map(LoadedMigration::id).toList()) + "; written by autogen squash.", upgrade,
                downgrade);
        Path target = directory.resolve(className + ".java");
        if (Files.exists(target) && !originals.contains(target)) {
            throw new UsageException("migration file already exists: " + target + ": change -m");
        }
        try {
            for (Path original : originals) {
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
     * A contract revision must stay a revision of its own: squashed into its expand revision, a plain upgrade would
     * either hold the expand back too or drop what the running application still uses.
     */
    private static void refuseContracts(List<LoadedMigration> squashed) {
        for (LoadedMigration migration : squashed) {
            if (migration.contract()) {
                throw new UsageException("revision " + migration.id() + " (" + migration.simpleName() + ") is a contract"
                        + " revision, which must stay on its own: squash a range that ends before it");
            }
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

    private static List<Operation> operations(LoadedMigration migration, List<Operation> operations) {
        for (Operation operation : operations) {
            if (operation instanceof RunCallback callback) {
                throw new UsageException("revision " + migration.id() + " (" + migration.simpleName() + ") runs Java ("
                        + callback.description() + "), which cannot be copied into a new file: squash the revisions"
                        + " before or after it");
            }
        }
        return Collections.unmodifiableList(operations);
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
