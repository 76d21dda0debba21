package dev.autogen.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import liquibase.changelog.ChangeSet;
import liquibase.command.CommandResults;
import liquibase.command.CommandScope;
import liquibase.command.core.DiffCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.DiffOutputControlCommandStep;
import liquibase.command.core.helpers.ReferenceDbUrlConnectionCommandStep;
import liquibase.database.Database;
import liquibase.diff.DiffResult;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.DiffToChangeLog;
import liquibase.snapshot.SnapshotListener;
import liquibase.structure.DatabaseObject;

/**
 * Liquibase, a peer named by issue #6: the {@code diff} command of Liquibase with the liquibase-hibernate extension,
 * the reference being the model's entities ({@code hibernate:classic:<hibernate.cfg.xml>}, which lists every entity
 * class with the PostgreSQL dialect) and the target the benchmark's database, exactly what {@code liquibase diff
 * --reference-url=hibernate:classic:... --url=jdbc:postgresql:...} runs. At head the two should be equal, so every
 * difference it reports is a false one.
 *
 * <p>Runs as its own JVM with Liquibase's jars ({@code bench/target/liquibase-lib}, copied by Maven, not shaded into
 * the bench jar) before the bench jar and the model on its class path; launched by {@link LiquibaseCompare}, never
 * loaded by {@link BenchMain}. Arguments: {@code CFG_RESOURCE JDBC_URL REPORT_FILE}, the first being the name of
 * the configuration as a class path resource (how Hibernate's {@code Configuration.configure} finds it). Prints {@code phase} lines (time to
 * main, the setup up to the first snapshot, which includes building Hibernate's metadata, each snapshot, the rest:
 * comparison and report), then {@code DIFFERENCES n} and {@code differences <kind> <type> n} lines; the text report
 * of Liquibase goes to {@code REPORT_FILE}. The migrator's own tables ({@code autogen_*}) are excluded with the
 * command's {@code excludeObjects}, as a user would. Liquibase's product analytics are switched off
 * ({@code liquibase.analytics.enabled=false}): the process must not contact anything but the database.
 */
public final class LiquibaseDiff {
    private LiquibaseDiff() {
    }

    public static void main(String[] args) throws Exception {
        long main = System.currentTimeMillis();
        System.setProperty("liquibase.analytics.enabled", "false");
        PhaseProbe.printTimeToMain(main);
        long start = System.nanoTime();
        String cfg = args[0];
        String url = args[1];
        java.nio.file.Path reportFile = java.nio.file.Path.of(args[2]);
        SnapshotTimes times = new SnapshotTimes();
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        CommandResults results = new CommandScope(DiffCommandStep.COMMAND_NAME)
                .addArgumentValue(ReferenceDbUrlConnectionCommandStep.REFERENCE_URL_ARG, "hibernate:classic:" + cfg)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.URL_ARG, url)
                .addArgumentValue(DiffOutputControlCommandStep.EXCLUDE_OBJECTS, "(?i)autogen_(version|history|lock)")
                .addArgumentValue(DiffCommandStep.SNAPSHOT_LISTENER_ARG, times)
                .setOutput(report)
                .execute();
        long end = System.nanoTime();
        DiffResult diff = results.getResult(DiffCommandStep.DIFF_RESULT);
        java.nio.file.Files.writeString(reportFile, report.toString(StandardCharsets.UTF_8));

        long firstSnapshot = times.first.values().stream().mapToLong(Long::longValue).min().orElse(end);
        long lastSnapshot = times.last.values().stream().mapToLong(Long::longValue).max().orElse(end);
        PhaseProbe.printPhase("setup, connections, hibernate metadata", start, firstSnapshot);
        new TreeMap<>(times.first).forEach((database, first) ->
                PhaseProbe.printPhase("snapshot " + database, first, times.last.get(database)));
        PhaseProbe.printPhase("compare and report", lastSnapshot, end);

        Map<String, Long> counts = new TreeMap<>();
        count(counts, "missing", diff.getMissingObjects());
        count(counts, "unexpected", diff.getUnexpectedObjects());
        count(counts, "changed", diff.getChangedObjects().keySet());
        System.out.println("DIFFERENCES " + counts.values().stream().mapToLong(Long::longValue).sum());
        counts.forEach((key, n) -> System.out.println("differences " + key + " " + n));

        // What diff-changelog would write from this result: liquibase-hibernate's change generators drop some of
        // the report's differences (equivalent type names, for one); the migration a user would get is this list.
        long changelogStart = System.nanoTime();
        List<ChangeSet> changeSets = new DiffToChangeLog(diff, new DiffOutputControl(false, false, false,
                diff.getCompareControl().getSchemaComparisons())).generateChangeSets();
        PhaseProbe.printPhase("changesets (as diff-changelog)", changelogStart, System.nanoTime());
        Map<String, Long> changes = new TreeMap<>();
        changeSets.forEach(set -> set.getChanges().forEach(change ->
                changes.merge(change.getClass().getSimpleName(), 1L, Long::sum)));
        System.out.println("CHANGES " + changes.values().stream().mapToLong(Long::longValue).sum());
        changes.forEach((type, n) -> System.out.println("changes " + type + " " + n));
    }

    private static void count(Map<String, Long> counts, String kind, Iterable<? extends DatabaseObject> objects) {
        for (DatabaseObject object : objects) {
            counts.merge(kind + " " + object.getObjectTypeName(), 1L, Long::sum);
        }
    }

    /** When each database's snapshot began and ended (the listener is called around every object snapshotted). */
    private static final class SnapshotTimes implements SnapshotListener {
        final Map<String, Long> first = new ConcurrentHashMap<>();
        final Map<String, Long> last = new ConcurrentHashMap<>();

        @Override
        public void willSnapshot(DatabaseObject example, Database database) {
            first.putIfAbsent(name(database), System.nanoTime());
        }

        @Override
        public void finishedSnapshot(DatabaseObject example, DatabaseObject snapshot, Database database) {
            last.put(name(database), System.nanoTime());
        }

        private static String name(Database database) {
            return database.getShortName();
        }
    }
}
