package dev.autogen.bench;

import dev.autogen.bench.locks.LocksBench;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark of issue #6. For each model size N it generates and compiles the synthetic model, then on one
 * PostgreSQL database times, as cold JVM processes of the shaded CLI ({@code java -jar autogen-cli.jar}):
 * {@code --help}, {@code -m} for the initial schema, {@code upgrade head} of that migration, {@code check} (no-op, at
 * head: answered from its in-sync record, then in full with the entity model cached, then cold with neither cached),
 * {@code diff} after a small change, and Hibernate's own {@code hbm2ddl validate} as the reference; then
 * autogen's phases in-process ({@link PhaseProbe}). Prints the tables and writes them into {@code bench/RESULTS.md}.
 *
 * <p>Usage, from the repository root: {@code java -jar bench/target/autogen-bench.jar [--runs K] [--cli JAR]
 * [--work DIR] [--results FILE] [--chain R] [--no-peers] N...} (defaults: 3 runs,
 * {@code generator/target/autogen-cli.jar}, {@code bench/target/work}, {@code bench/RESULTS.md}, N = 100 1000).
 * {@code --chain R} also times applying R one-table revisions against {@code psql} ({@link RevisionChainBench}), and
 * alone runs only that; {@code --no-peers} leaves out the Alembic and Liquibase rows (minutes at N = 5 000).
 * {@code --fleet SxN [--fleet-parallel P]} runs only the fleet benchmark of issue #14 ({@link FleetBench}): S servers,
 * N tenant schemas each, P targets at a time (default 8). {@code --locks ROWS} runs only the lock benchmark of
 * issue #10 ({@link LocksBench}): writers' latency while seven schema changes run on a table of ROWS rows, the plain
 * statements beside autogen's online plans; written to its section of the results.
 */
public final class BenchMain {
    private static final String MIGRATIONS_PACKAGE = "bench.migrations";
    /** Entities per revision when one initial migration would be too large to compile (see {@code SizeRun}). */
    private static final int CHUNK = 125;
    /** Checks a daemon answers, untimed, before its figures are taken. */
    private static final int DAEMON_WARM_UP = 5;
    static final String DAEMON_RECORD = "autogen check, daemon (no-op, in-sync record: one query)";
    static final String DAEMON_WARM = "autogen check, daemon (no-op, warm model cache)";
    static final String DAEMON_COLD = "autogen check, daemon (no-op, cold: model cache emptied)";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 3;
        Path cli = Path.of("generator/target/autogen-cli.jar");
        Path work = Path.of("bench/target/work");
        Path results = Path.of("bench/RESULTS.md");
        List<Integer> sizes = new ArrayList<>();
        int chain = 0;
        boolean peers = true;
        String fleet = null;
        int fleetParallel = 8;
        long locks = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--cli" -> cli = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--results" -> results = Path.of(args[++i]);
                case "--chain" -> chain = Integer.parseInt(args[++i]);
                case "--no-peers" -> peers = false;
                case "--fleet" -> fleet = args[++i];
                case "--fleet-parallel" -> fleetParallel = Integer.parseInt(args[++i]);
                case "--locks" -> locks = Long.parseLong(args[++i]);
                default -> sizes.add(Integer.parseInt(args[i]));
            }
        }
        if (fleet != null) {
            System.out.println(Machine.describe());
            System.out.println(new FleetBench(fleet, fleetParallel, work.toAbsolutePath().resolve("fleet")).run());
            return;
        }
        if (locks > 0) {
            System.out.println(Machine.describe());
            try (BenchDatabase database = BenchDatabase.start(work.toAbsolutePath())) {
                String section = new LocksBench(locks, database::recreate).run();
                System.out.println(section);
                ResultsSection.replace(results, "locks", Machine.describe() + "\n\n" + section);
                System.out.println("written to " + results.toAbsolutePath());
            }
            return;
        }
        if (sizes.isEmpty() && chain == 0) {
            sizes = List.of(100, 1000);
        }
        if (!Files.isRegularFile(cli)) {
            System.err.println("autogen-bench: no CLI jar at " + cli.toAbsolutePath()
                    + ": build it (mvn -B -Pbench -pl bench -am package -DskipTests) or pass --cli JAR");
            System.exit(2);
        }
        work = work.toAbsolutePath();
        Files.createDirectories(work);
        String machine = Machine.describe();
        System.out.println(machine);
        List<Figures> all = new ArrayList<>();
        String chainSection = null;
        String databaseDescription;
        try (BenchDatabase database = BenchDatabase.start(work)) {
            databaseDescription = database.serverVersion();
            System.out.println(databaseDescription);
            for (int n : sizes) {
                all.add(new SizeRun(n, runs, cli.toAbsolutePath(), benchJar(), work.resolve("n" + n), database,
                        peers).run());
            }
            if (chain > 0) {
                chainSection = new RevisionChainBench(chain, runs, cli.toAbsolutePath(), work.resolve("chain" + chain),
                        database).run();
            }
        }
        if (chainSection != null) {
            System.out.println();
            System.out.println(chainSection);
            RevisionChainBench.writeTo(results, chainSection);
            if (all.isEmpty()) {
                System.out.println("written to " + results.toAbsolutePath());
                return;
            }
        }
        ResultsReport report = new ResultsReport(all, machine, databaseDescription, runs);
        System.out.println();
        System.out.println(report.markdown());
        report.writeTo(results);
        System.out.println("written to " + results.toAbsolutePath());
    }

    private static Path benchJar() throws URISyntaxException {
        return Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Deletes {@code dir} and everything in it, if it exists. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The measurements of one model size. */
    private record SizeRun(int n, int runs, Path cli, Path benchJar, Path dir, BenchDatabase database,
                           boolean peers) {

        Figures run() throws IOException {
            Figures figures = new Figures(n);
            deleteTree(dir);
            Path model = dir.resolve("classes");
            Path changed = dir.resolve("classes-changed");
            Path migrations = dir.resolve("migrations");
            Files.createDirectories(migrations);
            long t0 = System.nanoTime();
            int classes = new ModelGenerator(n, false).compileTo(model);
            new ModelGenerator(n, true).compileTo(changed);
            log("generated and compiled " + classes + " classes (twice) in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            String dbName = "bench_n" + n;
            String url = database.recreate(dbName);
            // not timed: makes the launcher's start-up cache for this jar (once per build) before the first cold run
            ColdRun.run(launch("--version"), dir).expect("autogen --version (start-up cache)", 0);

            for (int r = 0; r < runs; r++) {
                figures.add("autogen --help", ColdRun.run(launch("--help"), dir).expect("autogen --help", 0));
            }
            for (int r = 0; r < runs; r++) {
                deleteTree(migrations);
                Files.createDirectories(migrations);
                figures.add("autogen -m (initial schema)", cli(model, url, migrations, "-m", "initial schema",
                        "--rev-id", "bench0001").expect("autogen -m", 0));
            }
            log("-m done");
            url = database.recreate(dbName);
            ColdRun.Result first = cli(model, url, migrations, "upgrade", "head");
            if (first.exitCode() != 0 && first.stderr().contains("code too large")) {
                // javac's 64 KiB limit on a method: the one initial migration cannot be compiled. Record the failure
                // and build the schema as several revisions of a prefix of the model each (the model is
                // prefix-stable), so check, diff and validate can still be measured on the whole model.
                figures.add("autogen upgrade head (one initial migration)", first);
                figures.note("autogen upgrade head (one initial migration)", "FAILS: the generated migration does not "
                        + "compile (" + firstLine(first.stderr(), "code too large").replace(dir + "/", "") + ")");
                int revisions = chunkedMigrations(model, url, migrations);
                log("one initial migration does not compile (code too large); built " + revisions + " revisions instead");
                String command = "autogen upgrade head (" + revisions + " revisions of <= " + CHUNK + " entities)";
                for (int r = 0; r < runs; r++) {
                    url = database.recreate(dbName);
                    figures.add(command, cli(model, url, migrations, "upgrade", "head").expect(command, 0));
                }
            } else {
                figures.add("autogen upgrade head", first.expect("autogen upgrade head", 0));
                for (int r = 1; r < runs; r++) {
                    url = database.recreate(dbName);
                    figures.add("autogen upgrade head", cli(model, url, migrations, "upgrade", "head")
                            .expect("autogen upgrade head", 0));
                }
            }
            log("upgrade done");
            // not timed: the first clean check writes the in-sync record the next ones answer from
            cli(model, url, migrations, "check").expect("autogen check", 0);
            for (int r = 0; r < runs; r++) {
                figures.add("autogen check (no-op, in-sync record: one query)",
                        cli(model, url, migrations, "check").expect("autogen check (in-sync record)", 0));
            }
            for (int r = 0; r < runs; r++) {
                // the database changed since the last check (a record that no longer matches): the full check, with
                // the entity model from its cache
                deleteTree(cacheDir().resolve("in-sync"));
                figures.add("autogen check (no-op, warm model cache)",
                        cli(model, url, migrations, "check").expect("autogen check", 0));
            }
            for (int r = 0; r < runs; r++) {
                // the first check after an entity change: the model cache misses, Hibernate boots, the entry is written
                deleteTree(cacheDir().resolve("in-sync"));
                deleteTree(cacheDir().resolve("entity-models"));
                figures.add("autogen check (no-op, cold: model cache emptied)",
                        cli(model, url, migrations, "check").expect("autogen check (cold)", 0));
            }
            for (int r = 0; r < runs; r++) {
                figures.add("autogen check --offline (no-op, warm model cache)",
                        cli(model, url, migrations, "check", "--offline").expect("autogen check --offline", 0));
            }
            daemonChecks(figures, model, url, migrations);
            log("check done");
            for (int r = 0; r < runs; r++) {
                ColdRun.Result diff = cli(changed, url, migrations, "diff").expect("autogen diff", 0);
                if (!diff.stdout().contains("bench_note")) {
                    throw new IllegalStateException("autogen diff did not find the small change:\n" + diff.stdout());
                }
                figures.add("autogen diff (one added column)", diff);
            }
            log("diff done");
            List<String> validateArgs = List.of(HibernateValidate.class.getName(), model.toString(), url);
            ReferenceJvm reference = ReferenceJvm.prepare(java(), benchJar, model, dir, validateArgs);
            if (!reference.cached()) {
                figures.note(ResultsReport.REFERENCE, "no AOT cache could be trained on this JDK: the CLI's JVM options"
                        + " alone");
            }
            for (int r = 0; r < runs; r++) {
                ColdRun.Result validate = ColdRun.run(reference.command(java(), true, validateArgs), dir)
                        .expect(ResultsReport.REFERENCE, 0);
                figures.add(ResultsReport.REFERENCE, validate);
                figures.addProbeOutput(validate.stdout(), true);
            }
            for (int r = 0; r < runs; r++) {
                figures.add(ResultsReport.REFERENCE_WITHOUT_CACHE, ColdRun.run(
                        reference.command(java(), false, validateArgs), dir)
                        .expect(ResultsReport.REFERENCE_WITHOUT_CACHE, 0));
            }
            for (int r = 0; r < runs; r++) {
                figures.add(ResultsReport.REFERENCE_JVM_DEFAULTS, ColdRun.run(List.of(java(), ColdRun.LAUNCH_MILLIS,
                        "-cp", benchJar + java.io.File.pathSeparator + model, HibernateValidate.class.getName(),
                        model.toString(), url), dir).expect(ResultsReport.REFERENCE_JVM_DEFAULTS, 0));
            }
            for (int r = 0; r < runs; r++) {
                String command = "hibernate session factory + validate (an application's start-up; not the reference)";
                figures.add(command, ColdRun.run(List.of(java(), ColdRun.LAUNCH_MILLIS, "-cp",
                        benchJar + java.io.File.pathSeparator + model, HibernateValidate.class.getName(),
                        model.toString(), url, HibernateValidate.SESSION_FACTORY), dir).expect(command, 0));
            }
            log("validate done");
            if (peers) {
                alembic(figures, url);
                liquibase(figures, model, url);
            }
            for (int r = 0; r < runs; r++) {
                // the JIT and GC options autogen's launcher (generator/autogen-java) gives the CLI
                List<String> probeCommand = new java.util.ArrayList<>(List.of(java()));
                probeCommand.addAll(ReferenceJvm.CLI_OPTIONS);
                probeCommand.addAll(List.of(ColdRun.LAUNCH_MILLIS, "-cp", benchJar.toString(),
                        PhaseProbe.class.getName(), model.toString(), url, migrations.toString()));
                ColdRun.Result probe = ColdRun.run(probeCommand, dir).expect("phase probe", 0);
                figures.addProbeOutput(probe.stdout(), false);
            }
            log("phases done");
            return figures;
        }

        /** Alembic's comparison on the same database, when Alembic is installed ({@link AlembicCompare}). */
        private void alembic(Figures figures, String url) {
            String missing = AlembicCompare.unavailableReason(dir);
            if (missing != null) {
                log("Alembic skipped: " + missing);
                return;
            }
            List<Long> compare = new ArrayList<>();
            List<Long> reflect = new ArrayList<>();
            long differences = -1;
            for (int r = 0; r < runs; r++) {
                ColdRun.Result result = AlembicCompare.run(url, dir);
                differences = AlembicCompare.differences(result);
                figures.add(AlembicCompare.COMMAND, result);
                compare.add(AlembicCompare.phaseMillis(result, "compare_metadata"));
                reflect.add(AlembicCompare.phaseMillis(result, "reflect_models"));
            }
            figures.note(AlembicCompare.COMMAND, "compare_metadata alone " + Figures.median(compare)
                    + " ms; the rest is Python start and reflecting the models from the database ("
                    + Figures.median(reflect) + " ms), which stands in for importing model classes; it found "
                    + differences + " differences");
            log("alembic done");
        }

        /** Liquibase's diff, the entities against the same database, when its jars were copied ({@link LiquibaseCompare}). */
        private void liquibase(Figures figures, Path model, String url) {
            String missing = LiquibaseCompare.unavailableReason();
            if (missing != null) {
                log("Liquibase skipped: " + missing);
                return;
            }
            Path cfg = LiquibaseCompare.writeConfiguration(model, dir.resolve("liquibase"));
            ColdRun.Result result = null;
            for (int r = 0; r < runs; r++) {
                result = LiquibaseCompare.run(cfg, benchJar, model, url, dir);
                figures.add(LiquibaseCompare.COMMAND, result);
            }
            figures.note(LiquibaseCompare.COMMAND, LiquibaseCompare.note(result));
            log("liquibase done");
        }

        /**
         * Replaces the migrations with one revision per {@link #CHUNK} entities, each generated by {@code -m} from the
         * model's prefix and applied before the next is generated; returns the number of revisions.
         */
        private int chunkedMigrations(Path model, String url, Path migrations) throws IOException {
            deleteTree(migrations);
            Files.createDirectories(migrations);
            int revision = 0;
            for (int size = Math.min(CHUNK, n); ; size = Math.min(size + CHUNK, n)) {
                revision++;
                Path prefix = size == n ? model : dir.resolve("classes-prefix-" + size);
                if (size < n) {
                    new ModelGenerator(size, false).compileTo(prefix);
                }
                cli(prefix, url, migrations, "-m", "entities up to " + size, "--rev-id",
                        String.format("bench%04d", revision)).expect("autogen -m (prefix " + size + ")", 0);
                cli(prefix, url, migrations, "upgrade", "head").expect("autogen upgrade head (prefix " + size + ")", 0);
                if (size == n) {
                    return revision;
                }
            }
        }

        private static String firstLine(String text, String containing) {
            return text.lines().filter(l -> l.contains(containing)).findFirst().orElse(containing).strip();
        }

        /** A cold CLI run's command line, as {@code ./autogen} starts it ({@link CliLaunch}). */
        private List<String> launch(String... command) {
            return CliLaunch.command(cli, command);
        }

        private ColdRun.Result cli(Path model, String url, Path migrations, String... command) {
            return cli(java.util.Map.of(), model, url, migrations, command);
        }

        private ColdRun.Result cli(java.util.Map<String, String> environment, Path model, String url, Path migrations,
                                   String... command) {
            List<String> args = launch(command);
            args.addAll(List.of("--url", url, "--classpath", model.toString(), "--packages", ModelGenerator.PACKAGE,
                    "--migrations", migrations.toString(), "--migrations-package", MIGRATIONS_PACKAGE));
            java.util.Map<String, String> all = new java.util.HashMap<>(environment);
            all.put("AUTOGEN_CACHE_DIR", cacheDir().toString());
            return ColdRun.run(args, dir, all);
        }

        /**
         * The same no-op checks answered by the check daemon ({@code AUTOGEN_DAEMON=on}, docs/daemon.md): the launcher's
         * client (the perl one where perl is installed, else a small JVM) relays what a resident JVM of its
         * environment answers. Untimed first: the first check starts the
         * daemon (a cold check: it has booted Hibernate once), and the next ones of {@link #DAEMON_WARM_UP} let it
         * compile the check's code (a developer's daemon after a few checks is in that state). The cold rows empty the model cache on disk as above; the daemon keeps no model of its
         * own, so Hibernate boots in it as in a new JVM, with its classes loaded and compiled. Stopped at the end.
         */
        private void daemonChecks(Figures figures, Path model, String url, Path migrations) throws IOException {
            Path daemons = dir.resolve("daemon");
            java.util.Map<String, String> daemon = java.util.Map.of("AUTOGEN_DAEMON", "on",
                    "AUTOGEN_DAEMON_DIR", daemons.toString());
            try {
                for (int r = 0; r < DAEMON_WARM_UP; r++) {
                    deleteTree(cacheDir().resolve("in-sync"));
                    if (r == 0) {
                        deleteTree(cacheDir().resolve("entity-models")); // it has booted Hibernate once, too
                    }
                    cli(daemon, model, url, migrations, "check").expect("autogen check (daemon warm-up)", 0);
                }
                for (int r = 0; r < runs; r++) {
                    figures.add(DAEMON_RECORD, cli(daemon, model, url, migrations, "check")
                            .expect(DAEMON_RECORD, 0));
                }
                for (int r = 0; r < runs; r++) {
                    deleteTree(cacheDir().resolve("in-sync"));
                    figures.add(DAEMON_WARM, cli(daemon, model, url, migrations, "check").expect(DAEMON_WARM, 0));
                }
                for (int r = 0; r < runs; r++) {
                    deleteTree(cacheDir().resolve("in-sync"));
                    deleteTree(cacheDir().resolve("entity-models"));
                    figures.add(DAEMON_COLD, cli(daemon, model, url, migrations, "check").expect(DAEMON_COLD, 0));
                }
                figures.note(DAEMON_COLD, "the daemon's peak resident memory after these runs: "
                        + daemonPeakMebibytes(daemons) + " MiB (the rows' own RSS is the client's)");
            } finally {
                ColdRun.run(launch("daemon", "stop"), dir, daemon).expect("autogen daemon stop", 0);
            }
        }

        /** VmHWM of the daemon whose pid file is in {@code daemons}, or -1. */
        private static long daemonPeakMebibytes(Path daemons) throws IOException {
            try (java.util.stream.Stream<Path> files = Files.list(daemons)) {
                for (Path pidFile : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                    Path status = Path.of("/proc", Files.readString(pidFile).strip(), "status");
                    for (String line : Files.readAllLines(status)) {
                        if (line.startsWith("VmHWM:")) {
                            return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                return -1;
            }
            return -1;
        }

        /** The caches (compiled migrations, entity models) of this size's runs: its own, never the user's. */
        private Path cacheDir() {
            return dir.resolve("autogen-cache");
        }

        private void log(String message) {
            System.out.println("[N=" + n + "] " + message);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
