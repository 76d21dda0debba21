package dev.autogen.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The revision-chain target of issue #6: applying R one-table revisions ({@link RevisionChain}) with
 * {@code autogen upgrade head} must take at most 1.5× the time {@code psql} takes to run the same DDL as one script.
 *
 * <p>The DDL is taken from {@code autogen upgrade --sql} (offline), so both run exactly the same statements. Each
 * figure is a cold process on a freshly created database: {@code psql -1} (the DDL in one transaction),
 * {@code psql} (the DDL in autocommit, each statement its own transaction), {@code psql} on the whole offline script
 * (one transaction per revision, version and history rows included: what autogen does, as a script), and
 * {@code autogen upgrade head} with a warm compiled-class cache and with {@code AUTOGEN_CACHE_DIR=off} (javac
 * compiles the R sources first, as on a first run after a checkout). The runs of each kind are interleaved.
 */
final class RevisionChainBench {
    private static final String DATABASE = "bench_chain";
    static final String PSQL_ONE = "psql -1 -f ddl.sql (one transaction)";
    static final String PSQL_AUTO = "psql -f ddl.sql (autocommit)";
    static final String PSQL_SCRIPT = "psql -f (autogen upgrade --sql: per-revision transactions + version rows)";
    static final String AUTOGEN_WARM = "autogen upgrade head (compiled-class cache warm)";
    static final String AUTOGEN_COLD = "autogen upgrade head (AUTOGEN_CACHE_DIR=off: javac included)";
    private static final Pattern REVISION_MS = Pattern.compile("^applying \\S+ .* … (\\d+) ms$", Pattern.MULTILINE);

    private final int revisions;
    private final int runs;
    private final Path cli;
    private final Path dir;
    private final BenchDatabase database;
    private final String psql;

    RevisionChainBench(int revisions, int runs, Path cli, Path dir, BenchDatabase database) {
        this.revisions = revisions;
        this.runs = runs;
        this.cli = cli;
        this.dir = dir;
        this.database = database;
        this.psql = System.getenv().getOrDefault("AUTOGEN_BENCH_PSQL", "/usr/bin/psql");
    }

    /** Runs the measurements and returns the Markdown section for {@code RESULTS.md}. */
    String run() throws IOException {
        BenchMain.deleteTree(dir);
        Path migrations = dir.resolve("migrations");
        long characters = new RevisionChain(revisions).writeTo(migrations);
        log("wrote " + revisions + " migrations (" + characters + " characters)");
        String url = database.recreate(DATABASE);
        ColdRun.Result offline = autogen(url, migrations, Map.of(), "upgrade", "--sql", "--dialect", "postgresql")
                .expect("autogen upgrade --sql", 0);
        Path script = dir.resolve("script.sql");
        Files.writeString(script, offline.stdout(), StandardCharsets.UTF_8);
        List<String> ddl = ddlOf(offline.stdout());
        Path ddlFile = dir.resolve("ddl.sql");
        Files.writeString(ddlFile, String.join("\n", ddl) + "\n", StandardCharsets.UTF_8);
        log("offline script: " + offline.stdout().lines().count() + " lines, " + ddl.size() + " DDL statements");

        Map<String, String> warm = Map.of("AUTOGEN_CACHE_DIR", dir.resolve("cache").toString());
        Map<String, String> off = Map.of("AUTOGEN_CACHE_DIR", "off");
        ColdRun.Result fill = autogen(database.recreate(DATABASE), migrations, warm, "upgrade", "head")
                .expect("autogen upgrade head (filling the cache)", 0);
        log("first run (compiles, writes the cache): " + fill.wallMillis() + " ms");

        Map<String, List<ColdRun.Result>> results = new LinkedHashMap<>();
        Map<String, List<Long>> statementMillis = new LinkedHashMap<>();
        for (int r = 0; r < runs; r++) {
            add(results, PSQL_ONE, psql(database.recreate(DATABASE), "-1", "-f", ddlFile.toString()));
            add(results, PSQL_AUTO, psql(database.recreate(DATABASE), "-f", ddlFile.toString()));
            add(results, PSQL_SCRIPT, psql(database.recreate(DATABASE), "-f", script.toString()));
            for (var kind : List.of(Map.entry(AUTOGEN_WARM, warm), Map.entry(AUTOGEN_COLD, off))) {
                String fresh = database.recreate(DATABASE);
                ColdRun.Result result = autogen(fresh, migrations, kind.getValue(), "upgrade", "head")
                        .expect(kind.getKey(), 0);
                expectTables(fresh);
                add(results, kind.getKey(), result);
                statementMillis.computeIfAbsent(kind.getKey(), k -> new ArrayList<>()).add(revisionMillis(result));
            }
            log("run " + (r + 1) + " of " + runs + " done");
        }
        return report(results, statementMillis, ddl.size(), characters, fill);
    }

    /** The DDL statements of an offline script: without comments, transaction control and version-table rows. */
    static List<String> ddlOf(String script) {
        List<String> ddl = new ArrayList<>();
        for (String line : script.lines().toList()) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("--") || s.equals("BEGIN;") || s.equals("COMMIT;")
                    || s.contains("\"autogen_version\"") || s.contains("\"autogen_history\"")
                    || s.contains(" autogen_version") || s.contains(" autogen_history")) {
                continue;
            }
            ddl.add(line);
        }
        return ddl;
    }

    private void expectTables(String url) {
        ColdRun.Result count = psql(url, "-tAc", "select count(*) from pg_tables where schemaname = 'public'"
                + " and tablename like 'chain\\_%'");
        if (!count.stdout().strip().equals(Integer.toString(revisions))) {
            throw new IllegalStateException("expected " + revisions + " tables after the upgrade, found "
                    + count.stdout().strip() + count.stderr());
        }
    }

    private static long revisionMillis(ColdRun.Result result) {
        long total = 0;
        Matcher m = REVISION_MS.matcher(result.stdout());
        while (m.find()) {
            total += Long.parseLong(m.group(1));
        }
        return total;
    }

    private ColdRun.Result psql(String jdbcUrl, String... args) {
        List<String> command = new ArrayList<>(List.of(psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d",
                jdbcUrl.substring("jdbc:".length())));
        command.addAll(List.of(args));
        return ColdRun.run(command, dir, Map.of()).expect("psql " + String.join(" ", args), 0);
    }

    private ColdRun.Result autogen(String url, Path migrations, Map<String, String> env, String... command) {
        List<String> args = CliLaunch.command(cli, command);
        args.addAll(List.of("--url", url, "--migrations", migrations.toString(), "--migrations-package",
                RevisionChain.PACKAGE));
        return ColdRun.run(args, dir, env);
    }

    private static void add(Map<String, List<ColdRun.Result>> results, String key, ColdRun.Result result) {
        results.computeIfAbsent(key, k -> new ArrayList<>()).add(result);
    }

    private String report(Map<String, List<ColdRun.Result>> results, Map<String, List<Long>> statementMillis,
                          int statements, long characters, ColdRun.Result fill) {
        long one = median(results.get(PSQL_ONE).stream().map(ColdRun.Result::wallMillis).toList());
        long auto = median(results.get(PSQL_AUTO).stream().map(ColdRun.Result::wallMillis).toList());
        StringBuilder md = new StringBuilder();
        md.append("### ").append(revisions).append(" one-table revisions against psql\n\n");
        md.append("Run ").append(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .append(", load average at end ").append(Machine.loadAverage()).append(". ")
                .append(revisions).append(" migrations (").append(characters / 1024).append(" KiB of source), ")
                .append(statements).append(" DDL statements (create table with 10–11 columns, primary key and a")
                .append(" foreign key to the table before; create index). Median of ").append(runs)
                .append(" cold runs on a fresh database each, interleaved.\n\n");
        md.append("| command | median ms | min–max ms | × psql -1 | × psql autocommit | peak RSS MiB |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (var entry : results.entrySet()) {
            List<Long> wall = entry.getValue().stream().map(ColdRun.Result::wallMillis).toList();
            long median = median(wall);
            long rss = median(entry.getValue().stream().map(ColdRun.Result::peakRssKb).toList()) / 1024;
            md.append(String.format(java.util.Locale.ROOT, "| %s | %d | %d–%d | %.2f | %.2f | %d |%n", entry.getKey(),
                    median, wall.stream().min(Long::compare).orElseThrow(), wall.stream().max(Long::compare)
                            .orElseThrow(), (double) median / one, (double) median / auto, rss));
        }
        md.append("\n");
        for (var entry : statementMillis.entrySet()) {
            md.append("- ").append(entry.getKey()).append(": the revisions' own statement time (sum of the")
                    .append(" `applying … N ms` lines) ").append(median(entry.getValue())).append(" ms (median).\n");
        }
        md.append("- first `upgrade head` with an empty cache (javac, then the cache entry written): ")
                .append(fill.wallMillis()).append(" ms.\n");
        return md.toString();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Replaces the chain section of {@code file} with {@code section}. */
    static void writeTo(Path file, String section) throws IOException {
        ResultsSection.replace(file, "chain", section);
    }

    private void log(String message) {
        System.out.println("[chain " + revisions + "] " + message);
    }
}
