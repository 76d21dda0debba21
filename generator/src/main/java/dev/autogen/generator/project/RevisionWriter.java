package dev.autogen.generator.project;

import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.emit.JavaMigrationEmitter;
import dev.autogen.generator.emit.MigrationSpec;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.hazard.Hazard;
import dev.autogen.hazard.Hazards;
import dev.autogen.op.Operation;
import dev.autogen.sql.Dialect;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a new revision file: the next class name ({@code V0003_AddPhone}), the parent (the single head), the
 * upgrade plan, its exact reverse as the downgrade, and the hazards of each direction as comments above their
 * operations ({@code // hazard DATA_LOSS: ...}), so that a reviewer sees what reverting costs as well.
 */
public final class RevisionWriter {
    /** The class names autogen writes: {@code V0003_AddPhone} (the number may have grown past four digits). */
    private static final Pattern NUMBERED = Pattern.compile("V(\\d{1,9})_.*");

    private final JavaMigrationEmitter emitter = new JavaMigrationEmitter();

    /** What was written. */
    public record WrittenRevision(Path file, String id, String className, List<Operation> upgrade,
                                  Map<Integer, List<Hazard>> hazards, Set<Integer> online) {
        public WrittenRevision {
            online = Set.copyOf(online);
        }
    }

    /**
     * @param hazards the upgrade's hazards per operation index ({@link PlanHazards})
     * @param hints   lines written above the first operation (tables autogen leaves alone)
     * @param dialect the dialect whose hazards the downgrade's comments name
     */
    public WrittenRevision write(Path migrationsDir, String packageName, List<LoadedMigration> existing,
                                 String revisionId, String message, String description, List<Operation> plan,
                                 Map<Integer, List<Hazard>> hazards, List<String> hints, Dialect dialect) {
        return write(migrationsDir, packageName, existing, revisionId, message, description, plan, hazards, hints,
                dialect, Set.of());
    }

    /** As above; the upgrade operations at {@code online} are written with {@code .online()} ({@link OnlineMarks}). */
    public WrittenRevision write(Path migrationsDir, String packageName, List<LoadedMigration> existing,
                                 String revisionId, String message, String description, List<Operation> plan,
                                 Map<Integer, List<Hazard>> hazards, List<String> hints, Dialect dialect,
                                 Set<Integer> online) {
        RevisionGraph graph = new RevisionGraph(existing);
        List<String> heads = graph.heads();
        if (heads.size() > 1) {
            throw new UsageException("the migrations have several heads (" + String.join(", ", heads)
                    + "): merge them first (autogen merge -m \"merge heads\")");
        }
        if (graph.contains(revisionId)) {
            throw new UsageException("revision id " + revisionId + " is already used: choose another --rev-id");
        }
        List<Operation> downgrade = new ArrayList<>();
        for (Operation operation : plan) {
            downgrade.add(operation.reverse());
        }
        Collections.reverse(downgrade);
        String className = JavaMigrationEmitter.className(nextNumber(existing), message);
        MigrationSpec spec = spec(packageName, className, revisionId, heads, message, description, plan, downgrade,
                hazards, hints, dialect, online, false);
        return new WrittenRevision(writeHead(migrationsDir, spec), revisionId, className, plan, hazards, online);
    }

    /**
     * One half of {@code -m --phased} ({@link PhasedPlan}), whose downgrade is not the plain reverse of its upgrade
     * (a backfill has none).
     *
     * @param upgrade   what the half's upgrade does
     * @param downgrade what reverts it
     * @param parents   the revision it follows (for the contract: the expand)
     * @param number    its class-name number
     * @param contract  whether it is the contract half ({@code @Revision(contract = true)}), which becomes the head
     */
    public record Half(String revisionId, String message, List<Operation> upgrade, List<Operation> downgrade,
                       Map<Integer, List<Hazard>> hazards, List<String> hints, Set<Integer> online,
                       List<String> parents, int number, boolean contract) {
    }

    /** Writes one half of a phased change; the contract half, written last, becomes the head. */
    public WrittenRevision writeHalf(Path migrationsDir, String packageName, String description, Dialect dialect,
                                     Half half) {
        String className = JavaMigrationEmitter.className(half.number(), half.message());
        MigrationSpec spec = spec(packageName, className, half.revisionId(), half.parents(), half.message(),
                description, half.upgrade(), half.downgrade(), half.hazards(), half.hints(), dialect, half.online(),
                half.contract());
        Path file = half.contract() ? writeHead(migrationsDir, spec) : writeFile(migrationsDir, spec);
        return new WrittenRevision(file, half.revisionId(), className, half.upgrade(), half.hazards(), half.online());
    }

    /** The spec of a revision, with the hazards of each direction as comments above their operations. */
    private static MigrationSpec spec(String packageName, String className, String revisionId, List<String> parents,
                                      String message, String description, List<Operation> upgrade,
                                      List<Operation> downgrade, Map<Integer, List<Hazard>> hazards, List<String> hints,
                                      Dialect dialect, Set<Integer> online, boolean contract) {
        Map<Integer, List<String>> comments = comments(hazards);
        if (!hints.isEmpty()) {
            List<String> first = new ArrayList<>(hints);
            first.addAll(comments.getOrDefault(0, List.of()));
            comments.put(0, first);
        }
        List<List<Hazard>> reverting = Hazards.of(downgrade, dialect);
        Map<Integer, List<Hazard>> downgradeHazards = new TreeMap<>();
        for (int i = 0; i < reverting.size(); i++) {
            if (!reverting.get(i).isEmpty()) {
                downgradeHazards.put(i, reverting.get(i));
            }
        }
        MigrationSpec spec = new MigrationSpec(packageName, className, revisionId, parents, message, description,
                upgrade, downgrade, comments, comments(downgradeHazards), online);
        return contract ? spec.asContract() : spec;
    }

    /**
     * Writes a merge revision: every current head as a parent and no operations, so that the graph has one head
     * again ({@code autogen merge}). Conflicting changes on the branches are the author's to resolve: the merge
     * only orders them.
     */
    public WrittenRevision writeMerge(Path migrationsDir, String packageName, List<LoadedMigration> existing,
                                      String revisionId, String message) {
        RevisionGraph graph = new RevisionGraph(existing);
        List<String> heads = graph.heads();
        if (heads.size() < 2) {
            throw new UsageException("nothing to merge: the migrations have " + (heads.isEmpty() ? "no revisions"
                    : "one head (" + heads.get(0) + ")") + "; merge joins several heads into one");
        }
        if (graph.contains(revisionId)) {
            throw new UsageException("revision id " + revisionId + " is already used: choose another --rev-id");
        }
        String className = JavaMigrationEmitter.className(nextNumber(existing), message);
        MigrationSpec spec = new MigrationSpec(packageName, className, revisionId, heads, message,
                "Merges the heads " + String.join(", ", heads) + "; written by autogen merge.", List.of(), List.of());
        return new WrittenRevision(writeHead(migrationsDir, spec), revisionId, className, List.of(), Map.of(), Set.of());
    }

    /**
     * {@code hazard DATA_LOSS: drops column ...} per operation index. Informational hazards (MariaDB commits each
     * statement on its own) are printed by {@code -m} and {@code show} but not written into the source: the same line
     * above every operation of every MariaDB migration would tell a reviewer nothing.
     */
    static Map<Integer, List<String>> comments(Map<Integer, List<Hazard>> hazards) {
        Map<Integer, List<String>> comments = new TreeMap<>();
        hazards.forEach((index, list) -> {
            List<String> lines = list.stream().filter(h -> !h.informational()).map(h -> "hazard " + h.line()).toList();
            if (!lines.isEmpty()) {
                comments.put(index, lines);
            }
        });
        return comments;
    }

    /**
     * The number after the highest {@code V<NNNN>_} among the existing classes, so that names keep sorting in creation
     * order: two branches can share a number, so counting files would skip one (V0006 after V0004). With no numbered
     * class (all named by hand), the count plus one.
     */
    static int nextNumber(List<LoadedMigration> existing) {
        int highest = 0;
        boolean numbered = false;
        for (LoadedMigration migration : existing) {
            Matcher number = NUMBERED.matcher(migration.simpleName());
            if (number.matches()) {
                numbered = true;
                highest = Math.max(highest, Integer.parseInt(number.group(1)));
            }
        }
        return numbered ? highest + 1 : existing.size() + 1;
    }

    /** Writes {@code spec}'s source where discovery finds it; refuses to overwrite a file. */
    Path writeFile(Path migrationsDir, MigrationSpec spec) {
        String source = emitter.emit(spec);
        Path file = migrationsDir.resolve(spec.packageName().replace('.', '/')).resolve(spec.className() + ".java");
        if (Files.exists(file)) {
            throw new UsageException("migration file already exists: " + file + ": remove it or change -m");
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + reason(e) + ": check --migrations", e);
        }
        return file;
    }

    /** Writes a revision that becomes the head, and the sentinel naming it. */
    private Path writeHead(Path migrationsDir, MigrationSpec spec) {
        Path file = writeFile(migrationsDir, spec);
        HeadSentinel.write(file.getParent(), spec.revisionId());
        return file;
    }

    /** Why a file could not be written, in words (the JDK's messages are often just a path). */
    private static String reason(IOException e) {
        return switch (e) {
            case FileAlreadyExistsException exists -> "a file is in the way: " + exists.getFile();
            case AccessDeniedException denied -> "permission denied: " + denied.getFile();
            case FileSystemException other -> other.getFile()
                    + (other.getReason() == null ? "" : ": " + other.getReason());
            default -> String.valueOf(e.getMessage());
        };
    }
}
