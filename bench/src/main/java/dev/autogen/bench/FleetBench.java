package dev.autogen.bench;

import dev.autogen.bench.fleetmigrations.V0001_Tables;
import dev.autogen.bench.fleetmigrations.V0002_Note;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Revision;
import dev.autogen.migrate.VersionTables;
import dev.autogen.migrate.discovery.ClassPathMigrationSource;
import dev.autogen.migrate.fleet.Rollout;
import dev.autogen.migrate.fleet.RolloutReport;
import dev.autogen.migrate.fleet.TargetOutcome;
import dev.autogen.migrate.fleet.TargetSpec;
import dev.autogen.migrate.fleet.TargetVersion;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code bench/run --fleet SxN} (issue #14, "Measured"): S embedded PostgreSQL servers, N tenant schemas of
 * {@value V0001_Tables#TABLES} tables on each server (made by a rollout of the first revision, not timed), then times
 * in-process: a rollout applying one revision (an added column and its index) to every schema, against {@code psql}
 * running the same DDL for the same schemas on a copy (one {@code psql} per server, side by side, one transaction per
 * schema), and against {@code psql} running that DDL plus the version bookkeeping (the floor, see {@link #psqlScript};
 * also with 100 schemas per transaction, and with the bookkeeping in a ledger per server, {@link LedgerFloor});
 * then a no-op {@code upgrade head} over the whole fleet. Prints the figures; the lead copies them into
 * bench/RESULTS.md.
 */
final class FleetBench {
    private final int servers;
    private final int schemas;
    private final int parallel;
    private final Path work;
    private final String psql = System.getenv().getOrDefault("AUTOGEN_BENCH_PSQL", "/usr/bin/psql");

    FleetBench(String size, int parallel, Path work) {
        String[] parts = size.split("x");
        this.servers = Integer.parseInt(parts[0]);
        this.schemas = Integer.parseInt(parts[1]);
        this.parallel = parallel;
        this.work = work;
    }

    String run() throws Exception {
        Files.createDirectories(work);
        List<LoadedMigration> all = new ClassPathMigrationSource(FleetBench.class.getClassLoader(),
                "dev.autogen.bench.fleetmigrations").load();
        List<String> names = IntStream.rangeClosed(1, schemas).mapToObj("tenant_%05d"::formatted).toList();
        List<EmbeddedPostgres> started = new ArrayList<>();
        try {
            List<TargetSpec> specs = new ArrayList<>();
            List<String> psqlUrls = new ArrayList<>();
            for (int s = 0; s < servers; s++) {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "100")
                        .setServerConfig("fsync", "off").start();
                started.add(pg);
                String base = "jdbc:postgresql://localhost:" + pg.getPort() + "/";
                admin(base + "postgres", "create database fleet", "create database plain");
                createSchemas(base + "fleet", names);
                createSchemas(base + "plain", names);
                specs.add(TargetSpec.of("s" + (s + 1), base + "fleet?user=postgres").withSchemas(names));
                psqlUrls.add("postgresql://localhost:" + pg.getPort() + "/plain?user=postgres");
            }
            long t0 = System.nanoTime();
            RolloutReport setup = Rollout.of(specs, all.subList(0, 1)).parallel(parallel).upgrade("head");
            require(setup, "setup");
            long setupMs = ms(t0);
            for (String url : psqlUrls) {
                // the same tables for psql's copy, through the same rollout (not timed)
                require(Rollout.of(List.of(TargetSpec.of("p", "jdbc:" + url).withSchemas(names)), all.subList(0, 1))
                        .parallel(parallel).upgrade("head"), "setup of the psql copy");
            }
            List<TargetSpec> ledgerSpecs = new ArrayList<>();
            List<TargetSpec> ledgerAloneSpecs = new ArrayList<>();
            for (int s = 0; s < servers; s++) {
                // two copies of the fleet whose tenants' versions go into a ledger (moved there by the first
                // rollout over them, not timed): one rolled out 50 tenants per transaction, one tenant by tenant
                String base = "jdbc:postgresql://localhost:" + started.get(s).getPort() + "/";
                admin(base + "postgres", "create database ledgerfleet template fleet",
                        "create database ledgeralone template fleet");
                ledgerSpecs.add(TargetSpec.of("l" + (s + 1), base + "ledgerfleet?user=postgres").withSchemas(names)
                        .withLedger("autogen"));
                ledgerAloneSpecs.add(TargetSpec.of("a" + (s + 1), base + "ledgeralone?user=postgres")
                        .withSchemas(names).withLedger("autogen"));
            }
            long m0 = System.nanoTime();
            require(Rollout.of(ledgerSpecs, all.subList(0, 1)).parallel(parallel).upgrade("head"), "ledger move");
            long moveMs = ms(m0);
            require(Rollout.of(ledgerAloneSpecs, all.subList(0, 1)).parallel(parallel).upgrade("head"),
                    "ledger move");
            for (String url : psqlUrls) {
                // the floor's copies: the psql copy as it is now, before psql changes it
                admin("jdbc:" + url.replace("/plain?", "/postgres?"), "create database floor template plain",
                        "create database ledger template plain", "create database ledger100 template plain",
                        "create database floor100 template plain");
                admin("jdbc:" + url.replace("/plain?", "/ledger?"), LedgerFloor.setup(names));
                admin("jdbc:" + url.replace("/plain?", "/ledger100?"), LedgerFloor.setup(names));
            }
            Path ddlFile = work.resolve("fleet-ddl.sql");
            Files.writeString(ddlFile, psqlScript(names, false));
            Path floorFile = work.resolve("fleet-floor.sql");
            Files.writeString(floorFile, psqlScript(names, true));
            Path ledgerFile = work.resolve("fleet-ledger.sql");
            Files.writeString(ledgerFile, LedgerFloor.script(names, 1));
            Path floorBatchedFile = work.resolve("fleet-floor-batched.sql");
            Files.writeString(floorBatchedFile, psqlScript(names, true, LedgerFloor.BATCH));
            Path batchedFile = work.resolve("fleet-ledger-batched.sql");
            Files.writeString(batchedFile, LedgerFloor.script(names, LedgerFloor.BATCH));

            checkpoint(started);
            long a0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            long jit0 = jitMs();
            RolloutReport apply = Rollout.of(specs, all).parallel(parallel).upgrade("head");
            long applyMs = ms(a0);
            long applyCpuMs = (processCpuNanos() - cpu0) / 1_000_000;
            long applyJitMs = jitMs() - jit0;
            require(apply, "apply");
            long psqlMs = timedOnCopies(started, psqlUrls, "plain", ddlFile);
            long floorMs = timedOnCopies(started, psqlUrls, "floor", floorFile);
            long floorBatchedMs = timedOnCopies(started, psqlUrls, "floor100", floorBatchedFile);
            for (String url : copies(psqlUrls, "floor", "floor100")) {
                // the floor's bookkeeping really moved every schema's version row to the new revision
                List<TargetVersion> moved = Rollout.of(List.of(TargetSpec.of("f", "jdbc:" + url).withSchemas(names)),
                        all).versions();
                if (moved.stream().anyMatch(v -> !v.current().equals(List.of(V0002_Note.class.getAnnotation(
                        Revision.class).id())))) {
                    throw new IllegalStateException("the floor's script left a schema behind on " + url);
                }
            }
            checkpoint(started);
            long l0 = System.nanoTime();
            long ledgerCpu0 = processCpuNanos();
            require(Rollout.of(ledgerSpecs, all).parallel(parallel).upgrade("head"), "apply with a ledger");
            long withLedgerMs = ms(l0);
            long withLedgerCpuMs = (processCpuNanos() - ledgerCpu0) / 1_000_000;
            checkpoint(started);
            long o0 = System.nanoTime();
            require(Rollout.of(ledgerAloneSpecs, all).parallel(parallel).tenantsPerTransaction(1).upgrade("head"),
                    "apply with a ledger, tenant by tenant");
            long aloneMs = ms(o0);
            for (TargetSpec spec : ledgerSpecs) {
                requireLedgerAt(spec, names.size());
            }
            for (TargetSpec spec : ledgerAloneSpecs) {
                requireLedgerAt(spec, names.size());
            }
            checkpoint(started);
            long ln0 = System.nanoTime();
            RolloutReport ledgerNoop = Rollout.of(ledgerSpecs, all).parallel(parallel).upgrade("head");
            long ledgerNoopMs = ms(ln0);
            if (ledgerNoop.of(TargetOutcome.AtTarget.class).size() != servers * schemas) {
                throw new IllegalStateException("the no-op run over the ledger migrated something");
            }
            long ledgerMs = timedOnCopies(started, psqlUrls, "ledger", ledgerFile);
            long batchedMs = timedOnCopies(started, psqlUrls, "ledger100", batchedFile);
            for (String url : copies(psqlUrls, "ledger", "ledger100")) {
                LedgerFloor.requireAllMoved("jdbc:" + url, names.size());
            }
            checkpoint(started);
            long n0 = System.nanoTime();
            long noopCpu0 = processCpuNanos();
            RolloutReport noop = Rollout.of(specs, all).parallel(parallel).upgrade("head");
            long noopMs = ms(n0);
            long noopCpuMs = (processCpuNanos() - noopCpu0) / 1_000_000;
            if (noop.of(TargetOutcome.AtTarget.class).size() != servers * schemas) {
                throw new IllegalStateException("the no-op run migrated something: " + noop.outcomes().size());
            }
            return "## Fleet: " + servers + " servers × " + schemas + " tenant schemas of " + V0001_Tables.TABLES
                    + " tables (--parallel " + parallel + "; JVM options: "
                    + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()) + ")\n\n"
                    + "| step | wall ms | autogen's CPU ms | target |\n|---|---:|---:|---|\n"
                    + "| setup: first revision (20 tables) to every schema | " + setupMs + " | | — |\n"
                    + "| apply one revision (add column + index), autogen rollout | " + applyMs + " | " + applyCpuMs
                    + " (JIT compiling: " + applyJitMs + ") | ≤ 1.5× psql = " + (psqlMs * 3 / 2) + " ("
                    + String.format("%.2f", applyMs / (double) psqlMs)
                    + "×) |\n"
                    + "| apply one revision, autogen rollout, versions in a tenant ledger (`ledger=`), "
                    + Rollout.DEFAULT_TENANTS_PER_TRANSACTION + " tenants per transaction (the default) | "
                    + withLedgerMs + " | " + withLedgerCpuMs + " | ≤ 1.5× psql (" + String.format("%.2f",
                    withLedgerMs / (double) psqlMs) + "×) |\n"
                    + "| the same, `--tenants-per-transaction 1` | " + aloneMs + " | | " + String.format("%.2f",
                    aloneMs / (double) psqlMs) + "× psql |\n"
                    + "| same DDL, psql (one per server, a transaction per schema) | " + psqlMs + " | | — |\n"
                    + "| same DDL and the version bookkeeping, psql (the floor: lock, version row, history row) | "
                    + floorMs + " | | autogen ÷ floor: " + String.format("%.2f", applyMs / (double) floorMs)
                    + "× |\n"
                    + "| the floor with " + LedgerFloor.BATCH + " schemas per transaction (bare SQL, a design not taken) | "
                    + floorBatchedMs + " | | batched floor ÷ psql: "
                    + String.format("%.2f", floorBatchedMs / (double) psqlMs) + "× |\n"
                    + "| same DDL, the version bookkeeping in one ledger table per server instead (bare SQL: "
                    + LedgerFloor.class.getSimpleName() + ") | " + ledgerMs + " | | ledger ÷ psql: "
                    + String.format("%.2f", ledgerMs / (double) psqlMs) + "× |\n"
                    + "| the same with " + LedgerFloor.BATCH + " schemas per transaction and one ledger update each (bare"
                    + " SQL of what ledger= runs) | " + batchedMs + " | | batched ledger ÷ psql: "
                    + String.format("%.2f", batchedMs / (double) psqlMs) + "× |\n"
                    + "| no-op upgrade head (every schema at head) | " + noopMs + " | " + noopCpuMs + " | ≤ 3000 |\n"
                    + "| no-op upgrade head, versions in a tenant ledger | " + ledgerNoopMs + " | | ≤ 3000 |\n"
                    + "| (not timed: moving " + schemas + " tenants' own version tables into the ledger, "
                    + servers + " servers one after another) | " + moveMs + " | | — |\n";
        } finally {
            for (EmbeddedPostgres pg : started) {
                pg.close();
            }
        }
    }

    /**
     * The DDL file psql runs: a transaction per schema. With {@code bookkeeping}, also what any tool that records a
     * version per schema must do in that transaction, as plainly as SQL can say it: the schema's advisory lock, the
     * version row moved, one history row. That is the floor beneath autogen's rollout (which also reads the version
     * tables under the lock, checks recorded checksums and restores the session), printed beside the target's psql
     * figure so that the reader can tell the bookkeeping's cost from autogen's own.
     */
    private static String psqlScript(List<String> names, boolean bookkeeping) {
        return psqlScript(names, bookkeeping, 1);
    }

    /** The same, {@code batch} schemas per transaction. */
    private static String psqlScript(List<String> names, boolean bookkeeping, int batch) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            sql.append(i % batch == 0 ? "begin; " : "").append("set local search_path to ").append(name).append("; ");
            if (bookkeeping) {
                sql.append("select pg_advisory_xact_lock(hashtext('").append(name).append("')); ");
            }
            sql.append(V0002_Note.DDL);
            if (bookkeeping) {
                sql.append(" update ").append(VersionTables.VERSION).append(" set revision = '")
                        .append(V0002_Note.class.getAnnotation(Revision.class).id()).append("' where revision = '")
                        .append(V0002_Note.class.getAnnotation(Revision.class).parent()[0]).append("'; insert into ")
                        .append(VersionTables.HISTORY).append(" (revision, direction, checksum, applied_at, applied_by,"
                        + " duration_ms, success) values ('").append(V0002_Note.class.getAnnotation(Revision.class).id())
                        .append("', 'upgrade', '-', now(), current_user, 0, true);");
            }
            sql.append(i % batch == batch - 1 || i == names.size() - 1 ? " commit;\n" : " ");
        }
        return sql.toString();
    }

    /** The URLs of the copies named {@code databases} on every server ({@code psqlUrls} name the "plain" ones). */
    private static List<String> copies(List<String> psqlUrls, String... databases) {
        List<String> urls = new ArrayList<>();
        for (String database : databases) {
            psqlUrls.forEach(url -> urls.add(url.replace("/plain?", "/" + database + "?")));
        }
        return urls;
    }

    /** A checkpoint on every server, then one psql per server running {@code file} on its copy {@code database}. */
    private long timedOnCopies(List<EmbeddedPostgres> servers, List<String> psqlUrls, String database, Path file)
            throws Exception {
        checkpoint(servers);
        return runPsql(copies(psqlUrls, database), file);
    }

    /** One psql per server, side by side, each running {@code file}; the wall time of them all. */
    private long runPsql(List<String> urls, Path file) throws Exception {
        long p0 = System.nanoTime();
        List<Process> processes = new ArrayList<>();
        for (String url : urls) {
            processes.add(new ProcessBuilder(psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f",
                    file.toString()).redirectErrorStream(true).redirectOutput(work.resolve("psql.log").toFile())
                    .start());
        }
        for (Process p : processes) {
            if (p.waitFor() != 0) {
                throw new IllegalStateException("psql failed: see " + work.resolve("psql.log"));
            }
        }
        return ms(p0);
    }

    /**
     * A checkpoint on every server before a timed step, so that no step pays for writing out what an earlier one
     * dirtied (the setup writes thousands of tables; without this, psql's figure moved 1.0–2.3 s between runs).
     */
    private static void checkpoint(List<EmbeddedPostgres> servers) throws SQLException {
        for (EmbeddedPostgres pg : servers) {
            admin("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", "checkpoint");
        }
    }

    /** Every tenant of {@code spec} at the benchmark's last revision in its ledger, as the catalog says. */
    private static void requireLedgerAt(TargetSpec spec, int tenants) throws SQLException {
        String head = V0002_Note.class.getAnnotation(Revision.class).id();
        try (Connection c = DriverManager.getConnection(spec.url()); Statement st = c.createStatement();
             var rs = st.executeQuery("select count(*) filter (where revision = '" + head + "'), count(*) from"
                     + " autogen.autogen_tenant_version")) {
            rs.next();
            if (rs.getLong(1) != tenants || rs.getLong(2) != tenants) {
                throw new IllegalStateException("the ledger of " + spec.name() + " holds " + rs.getLong(1) + " of "
                        + tenants + " tenants at " + head + " (" + rs.getLong(2) + " rows)");
            }
        }
    }

    private static void require(RolloutReport report, String step) {
        if (!report.complete()) {
            throw new IllegalStateException(step + " failed: " + report.failed());
        }
    }

    private static void createSchemas(String url, List<String> names) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement st = c.createStatement()) {
            for (String name : names) {
                st.addBatch("create schema " + name);
            }
            st.executeBatch();
        }
    }

    private static void admin(String url, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement st = c.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        }
    }

    /** Time the JIT compilers spent so far (their threads' share of the process's CPU, roughly). */
    private static long jitMs() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /** CPU time of this process (every thread: the rollout's and the JIT's), for telling it from waiting. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
