package dev.autogen.generator.project;

import dev.autogen.generator.config.UsageException;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.graph.RevisionGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code autogen rebase [--onto REV]}: after a git merge brought two heads (this branch's revisions and the other
 * branch's, both written on the same parent), puts this branch's revisions after the other head instead of adding a
 * merge revision, so that history stays a line. Only revisions no database has applied can move (a database that
 * recorded one would no longer match the files): with a database configured it is asked, with {@code --offline} the
 * files are trusted. Both branches changing the same column, table part or object, or running raw SQL or Java, is
 * refused: their order matters and only a person can reconcile them, after {@code autogen merge}.
 *
 * <p>The revisions keep their ids (so checksums and any database's history still hold); their {@code @Revision}
 * parent is rewritten and their files and classes renumbered after the other head's number. Everything is checked and
 * prepared before the first file is written.
 */
public final class RebaseRevisions {
    private static final Pattern NUMBERED = Pattern.compile("V(\\d{1,9})_(.*)");

    /** One moved revision: its id, its class name before and after, and its file now. */
    public record Moved(String id, String fromClass, String toClass, Path file) {
    }

    /** What the rebase did: the head the revisions now follow, the moved revisions in order, and the new head. */
    public record Outcome(String onto, List<Moved> moved, String head) {
    }

    private record Rewrite(LoadedMigration migration, Path from, Path to, String source, String toClass) {
    }

    private RebaseRevisions() {
    }

    /**
     * @param onto    the other branch's head (an id or prefix), or null to take it from the conflicted sentinel
     * @param offline trust the files: ask no database whether a moved revision was applied
     */
    public static Outcome run(Project project, String onto, boolean offline) {
        List<LoadedMigration> migrations = project.migrations();
        RevisionGraph graph = new RevisionGraph(migrations);
        List<String> heads = graph.heads();
        if (heads.size() != 2) {
            throw new UsageException(heads.size() < 2
                    ? "nothing to rebase: the migrations have " + (heads.isEmpty() ? "no revisions" : "one head ("
                    + heads.get(0) + ")") + "; rebase puts one branch's revisions after another's"
                    : "rebase joins two heads but the migrations have " + heads.size() + " (" + String.join(", ", heads)
                    + "): join them with autogen merge -m \"merge heads\"");
        }
        String base = ontoHead(project, graph, heads, onto);
        String ours = heads.get(0).equals(base) ? heads.get(1) : heads.get(0);
        Set<String> theirSide = graph.ancestorsOf(List.of(base));
        Set<String> ourSide = graph.ancestorsOf(List.of(ours));
        List<LoadedMigration> moving = graph.inOrder().stream()
                .filter(m -> ourSide.contains(m.id()) && !theirSide.contains(m.id())).toList();
        List<LoadedMigration> theirs = graph.inOrder().stream()
                .filter(m -> theirSide.contains(m.id()) && !ourSide.contains(m.id())).toList();
        LoadedMigration first = requireChain(moving);
        if (!offline) {
            refuseApplied(project, graph, moving, "moving", "join the heads with autogen merge -m \"merge heads\" (or"
                    + " downgrade it first)");
        }
        refuseOverlap(moving, theirs);
        List<Rewrite> rewrites = prepare(project, migrations, moving, first, base);
        List<Moved> moved = new ArrayList<>();
        for (Rewrite rewrite : rewrites) {
            write(rewrite);
            moved.add(new Moved(rewrite.migration().id(), rewrite.migration().simpleName(), rewrite.toClass(),
                    rewrite.to()));
        }
        HeadSentinel.write(HeadSentinel.file(project.settings()).getParent(), ours);
        return new Outcome(base, List.copyOf(moved), ours);
    }

    /** {@code --onto}, else the head the conflicted sentinel says was merged in. */
    private static String ontoHead(Project project, RevisionGraph graph, List<String> heads, String onto) {
        if (onto != null) {
            String id = graph.resolve(onto);
            if (!heads.contains(id)) {
                throw new UsageException("--onto " + onto + " is not a head (heads: " + String.join(", ", heads)
                        + "): name the other branch's head");
            }
            return id;
        }
        Optional<HeadSentinel.State> sentinel = HeadSentinel.read(HeadSentinel.file(project.settings()));
        if (sentinel.isPresent() && sentinel.get().conflicted() && sentinel.get().theirs().size() == 1
                && heads.contains(sentinel.get().theirs().get(0))
                && !sentinel.get().theirs().equals(sentinel.get().ours())) {
            return sentinel.get().theirs().get(0);
        }
        throw new UsageException("which head is the other branch's? the migrations have two (" + String.join(", ",
                heads) + ") and " + HeadSentinel.FILE_NAME + " holds no git conflict naming one: pass --onto REV");
    }

    /** The moving revisions must be a line, its first on a revision both branches share; returns that first one. */
    private static LoadedMigration requireChain(List<LoadedMigration> moving) {
        Set<String> ids = new HashSet<>(moving.stream().map(LoadedMigration::id).toList());
        List<LoadedMigration> roots = moving.stream()
                .filter(m -> m.parents().stream().noneMatch(ids::contains)).toList();
        for (LoadedMigration migration : moving) {
            if (migration.parents().size() != 1) {
                throw new UsageException("revision " + migration.id() + " (" + migration.simpleName() + ") has "
                        + (migration.parents().isEmpty() ? "no parent" : "several parents")
                        + ": rebase moves a line of revisions; join the heads with autogen merge -m \"merge heads\"");
            }
        }
        if (roots.size() != 1) {
            throw new UsageException("this branch's revisions fork (" + String.join(", ", roots.stream()
                    .map(LoadedMigration::id).toList()) + "): rebase moves a line of revisions; join the heads with"
                    + " autogen merge -m \"merge heads\"");
        }
        return roots.get(0);
    }

    /**
     * Refuses when the configured database applied one of {@code revisions}: rewriting it would leave that database
     * recording a revision the files no longer hold.
     *
     * @param doing   what would happen to it ({@code moving}, {@code squashing})
     * @param instead the way out, after a semicolon
     */
    static void refuseApplied(Project project, RevisionGraph graph, List<LoadedMigration> revisions, String doing,
                              String instead) {
        List<String> rows = project.migrator().current().stream().filter(graph::knows).toList();
        Set<String> applied = graph.ancestorsOf(rows);
        for (LoadedMigration migration : revisions) {
            if (applied.contains(migration.id())) {
                throw new UsageException("revision " + migration.id() + " (" + migration.simpleName() + ") is applied"
                        + " to " + project.settings().displayUrl() + ": " + doing + " it would rewrite what that"
                        + " database recorded; " + instead);
            }
        }
    }

    private static void refuseOverlap(List<LoadedMigration> moving, List<LoadedMigration> theirs) {
        for (LoadedMigration mine : moving) {
            for (TouchedColumns.Touch touch : TouchedColumns.of(mine.upgradeOperations())) {
                for (LoadedMigration other : theirs) {
                    for (TouchedColumns.Touch otherTouch : TouchedColumns.of(other.upgradeOperations())) {
                        if (touch.overlaps(otherTouch)) {
                            String what = touch.equals(TouchedColumns.OPAQUE) || otherTouch.equals(TouchedColumns.OPAQUE)
                                    ? "a revision runs raw SQL or Java, which autogen cannot compare with the other"
                                    + " branch's changes" : "both branches change " + touch.describe();
                            throw new UsageException(what + " (revision " + mine.id() + " here, " + other.id()
                                    + " on the other branch): their order matters, so rebase cannot choose it; join"
                                    + " the heads with autogen merge -m \"merge heads\" and reconcile them in a"
                                    + " revision after it");
                        }
                    }
                }
            }
        }
    }

    /** New sources and names for every moving revision, or a refusal before anything is written. */
    private static List<Rewrite> prepare(Project project, List<LoadedMigration> all, List<LoadedMigration> moving,
                                         LoadedMigration first, String onto) {
        Set<String> movingIds = new HashSet<>(moving.stream().map(LoadedMigration::id).toList());
        int number = RevisionWriter.nextNumber(all.stream().filter(m -> !movingIds.contains(m.id())).toList());
        Path directory = HeadSentinel.file(project.settings()).getParent();
        List<Rewrite> rewrites = new ArrayList<>();
        for (LoadedMigration migration : moving) {
            Path from = migration.sourceFile() != null ? migration.sourceFile()
                    : directory.resolve(migration.simpleName() + ".java");
            if (!Files.isRegularFile(from)) {
                throw new UsageException("cannot find the source of revision " + migration.id() + " (" + from
                        + "): rebase rewrites migration sources; check --migrations");
            }
            String source = read(from);
            if (migration == first) {
                source = reparent(source, from, migration.parents().get(0), onto);
            }
            Matcher numbered = NUMBERED.matcher(migration.simpleName());
            String toClass = numbered.matches()
                    ? String.format(Locale.ROOT, "V%04d_%s", number++, numbered.group(2)) : migration.simpleName();
            source = source.replaceAll("\\b" + Pattern.quote(migration.simpleName()) + "\\b",
                    Matcher.quoteReplacement(toClass));
            Path to = from.resolveSibling(toClass + ".java");
            if (!to.equals(from) && Files.exists(to)) {
                throw new UsageException("cannot rename " + from.getFileName() + " to " + to.getFileName()
                        + ": a file is in the way; move it and run autogen rebase again");
            }
            rewrites.add(new Rewrite(migration, from, to, source, toClass));
        }
        return rewrites;
    }

    /** {@code parent = "old"} in the {@code @Revision} annotation becomes {@code parent = "onto"}. */
    static String reparent(String source, Path file, String parent, String onto) {
        Pattern annotation = Pattern.compile("(@Revision\\s*\\([^)]*?\\bparent\\s*=\\s*)\"" + Pattern.quote(parent)
                + "\"");
        Matcher matcher = annotation.matcher(source);
        if (!matcher.find()) {
            throw new UsageException("cannot find parent = \"" + parent + "\" in the @Revision of " + file
                    + ": set it to \"" + onto + "\" by hand, or join the heads with autogen merge -m \"merge heads\"");
        }
        return matcher.replaceFirst(Matcher.quoteReplacement(matcher.group(1) + "\"" + onto + "\""));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage() + ": check --migrations", e);
        }
    }

    private static void write(Rewrite rewrite) {
        try {
            Files.writeString(rewrite.to(), rewrite.source());
            if (!rewrite.to().equals(rewrite.from())) {
                Files.delete(rewrite.from());
            }
        } catch (IOException e) {
            throw new UsageException("cannot write " + rewrite.to() + ": " + e.getMessage() + ": check --migrations",
                    e);
        }
    }
}
