package dev.autogen.generator.cli;

import static dev.autogen.testing.TestSql.execute;
import static dev.autogen.testing.TestSql.strings;
import static dev.autogen.testing.TestSql.tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import dev.autogen.testing.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --targets FILE} end to end on three real PostgreSQL servers with the repository's sample migrations: an
 * upgrade whose canary passes and whose wave fails on one target (exit 3, the summary table, the one-line error), a
 * rerun with the state file that finishes it (JSON summary), {@code validate}, {@code current} and {@code check} over
 * every target, a downgrade of one group, and a broken targets file (exit 2, file:line).
 */
class CliFleetTest {
    private static final String MIGRATIONS =
            Path.of("..", "migrations", "src", "main", "java").toAbsolutePath().normalize().toString();
    private static final String HEAD = "209336e70286";
    private static final List<String> SCHEMAS = IntStream.rangeClosed(1, 4).mapToObj("tenant_%02d"::formatted).toList();

    @TempDir
    Path dir;

    @Test
    void upgradeFailsOnOneTargetRerunFinishesCheckCurrentAndDowngradeOneGroup() throws Exception {
        List<String> urls = new ArrayList<>();
        for (int server = 0; server < TestServers.COUNT; server++) {
            String url = TestServers.freshDatabase(server, "clifleet");
            execute(url, SCHEMAS.stream().map(s -> "create schema " + s).toArray(String[]::new));
            urls.add(url);
        }
        execute(urls.get(2), "create table tenant_03.tenants (legacy integer)"); // c/tenant_03 fails
        Path targets = dir.resolve("fleet.txt");
        Files.write(targets, List.of("# three servers",
                "a " + bare(urls.get(0)) + " user=postgres group=eu schemas=" + String.join(",", SCHEMAS),
                "b " + bare(urls.get(1)) + " user=postgres group=eu schemas-query=select nspname from pg_namespace"
                        + " where nspname like 'tenant\\_%' order by 1",
                "c " + bare(urls.get(2)) + " user=postgres group=us max-connections=1 schemas="
                        + String.join(",", SCHEMAS)));
        String state = dir.resolve("rollout.state").toString();

        CliRun first = CliRun.of("--migrations", MIGRATIONS, "upgrade", "--targets", targets.toString(), "--canary",
                "3", "--wave", "1", "--parallel", "4", "--state", state);

        assertEquals(3, first.exitCode(), first.toString());
        assertTrue(first.out().contains("\nTARGET       OUTCOME      DETAIL\na/tenant_01  upgraded     2 revisions, at "
                + HEAD + "\n"), first.out());
        assertTrue(first.out().contains("\nc/tenant_03  FAILED       (at base) revision 04c351a8712d (initial schema)"
                + " failed at statement: create table \"tenants\""), first.out());
        assertTrue(first.out().contains("a/tenant_01: applying 04c351a8712d initial schema … "), first.out());
        // round robin: canary a1 b1 c1, waves of one: a2, b2, c2, a3, b3, c3 (fails): the rest never starts
        assertTrue(first.out().endsWith("12 targets: 8 upgraded, 0 already there, 0 done earlier, 1 failed,"
                + " 3 not started.\n"), first.out());
        assertEquals("autogen: 1 of 12 targets failed (c/tenant_03) and 3 were not started: fix the cause and run the"
                + " same command again with the same --state: it does only what is left\n", first.err());
        assertEquals(List.of(), tables(urls.get(0), "tenant_04"), "a/tenant_04 was not started");

        execute(urls.get(2), "drop table tenant_03.tenants");
        CliRun rerun = CliRun.of("--migrations", MIGRATIONS, "upgrade", "--targets", targets.toString(), "--state",
                state, "--format", "json");

        assertEquals(0, rerun.exitCode(), rerun.toString());
        assertTrue(rerun.out().startsWith("{\"command\":\"upgrade\",\"target\":\"head\",\"targets\":[{\"target\":"
                + "\"a/tenant_01\",\"name\":\"a\",\"schema\":\"tenant_01\",\"outcome\":\"done-earlier\",\"revisions\":[],"
                + "\"current\":null,\"message\":null},"), rerun.out());
        assertTrue(rerun.out().contains("{\"target\":\"c/tenant_03\",\"name\":\"c\",\"schema\":\"tenant_03\","
                + "\"outcome\":\"migrated\",\"revisions\":[\"04c351a8712d\",\"" + HEAD + "\"],\"current\":[\"" + HEAD
                + "\"],\"message\":null}"), rerun.out());
        assertTrue(rerun.out().endsWith("\"counts\":{\"migrated\":4,\"atTarget\":0,\"doneEarlier\":8,\"failed\":0,"
                + "\"notStarted\":0}}\n"), rerun.out());
        for (String url : urls) {
            for (String schema : SCHEMAS) {
                assertEquals(List.of("04c351a8712d", HEAD), strings(url, "select revision from " + schema
                        + ".autogen_history order by id"), "applied once: " + schema);
            }
        }

        CliRun check = CliRun.of("--migrations", MIGRATIONS, "check", "--targets", targets.toString());
        assertEquals(0, check.exitCode(), check.toString());
        assertEquals("12 targets: 12 at head " + HEAD + ", 0 not.\n", check.out());
        CliRun validate = CliRun.of("--migrations", MIGRATIONS, "validate", "--targets", targets.toString());
        assertEquals(0, validate.exitCode(), validate.toString());
        assertEquals("12 targets: 12 valid, 0 invalid.\n", validate.out());
        execute(urls.get(1), "update tenant_02.autogen_history set checksum = 'edited' where revision = '" + HEAD + "'");
        CliRun edited = CliRun.of("--migrations", MIGRATIONS, "validate", "--targets", targets.toString());
        assertEquals(1, edited.exitCode(), edited.toString());
        assertTrue(edited.out().startsWith("Invalid: b/tenant_02: "), edited.out());
        assertTrue(edited.out().endsWith("12 targets: 11 valid, 1 invalid.\n"), edited.out());
        CliRun current = CliRun.of("--migrations", MIGRATIONS, "current", "--targets", targets.toString(), "--group",
                "us");
        assertEquals("c/tenant_01: " + HEAD + " (head)\nc/tenant_02: " + HEAD + " (head)\nc/tenant_03: " + HEAD
                + " (head)\nc/tenant_04: " + HEAD + " (head)\n", current.out(), current.toString());

        CliRun down = CliRun.of("--migrations", MIGRATIONS, "downgrade", "base", "--targets", targets.toString(),
                "--group", "us", "--allow-data-loss");
        assertEquals(0, down.exitCode(), down.toString());
        assertTrue(down.out().endsWith("4 targets: 4 downgraded, 0 already there, 0 done earlier, 0 failed,"
                + " 0 not started.\n"), down.out());
        CliRun behind = CliRun.of("--migrations", MIGRATIONS, "check", "--targets", targets.toString(), "--format",
                "json");
        assertEquals(1, behind.exitCode(), behind.toString());
        assertTrue(behind.out().startsWith("{\"inSync\":false,\"heads\":[\"" + HEAD + "\"],\"targets\":["),
                behind.out());
        assertTrue(behind.out().contains("{\"target\":\"c/tenant_04\",\"current\":[],\"atHead\":false,"
                + "\"problem\":null}"), behind.out());
    }

    @Test
    void aBrokenTargetsFileIsOneLineNamingFileAndLine() throws Exception {
        Path targets = dir.resolve("fleet.txt");
        Files.write(targets, List.of("a jdbc:postgresql://localhost:1/x", "b jdbc:postgresql://localhost:1/y"
                + " password=plain"));

        CliRun run = CliRun.of("--migrations", MIGRATIONS, "upgrade", "--targets", targets.toString());

        assertEquals("autogen: fleet.txt:2: target b: passwords are never written in the targets file: export"
                + " it in an environment variable, say DB_PASSWORD, and give ${DB_PASSWORD} as the password's value", run.assertOneLineError(2));
        assertTrue(!run.toString().contains("plain"), "the secret is never printed");
        CliRun withUrl = CliRun.of("--url", "jdbc:sqlite::memory:", "--migrations", MIGRATIONS, "check", "--targets",
                targets.toString());
        assertEquals("autogen: --targets lists the databases itself: drop --url (or drop --targets)",
                withUrl.assertOneLineError(2));
        CliRun wave = CliRun.of("--migrations", MIGRATIONS, "upgrade", "--wave", "10%");
        assertEquals("autogen: --canary, --wave, --max-failures, --tenants-per-transaction, --state and --format roll out over many targets: add"
                + " --targets FILE", wave.assertOneLineError(2));
    }

    @Test
    void aLedgerLineUpgradesInBatchesAndEveryCommandReadsTheLedger() throws Exception {
        String url = TestServers.freshDatabase(0, "clifleetledger");
        execute(url, SCHEMAS.stream().map(s -> "create schema " + s).toArray(String[]::new));
        Path targets = dir.resolve("ledger.txt");
        Files.write(targets, List.of("l " + bare(url) + " user=postgres ledger=fleet schemas="
                + String.join(",", SCHEMAS)));

        CliRun up = CliRun.of("--migrations", MIGRATIONS, "upgrade", "--targets", targets.toString(),
                "--tenants-per-transaction", "3");

        assertEquals(0, up.exitCode(), up.toString());
        assertTrue(up.out().contains("l/tenant_01: applying 04c351a8712d initial schema … "), up.out());
        assertTrue(up.out().contains(" ms (one transaction with the rest of its batch)\n"), up.out());
        assertTrue(up.out().endsWith("4 targets: 4 upgraded, 0 already there, 0 done earlier, 0 failed,"
                + " 0 not started.\n"), up.out());
        assertEquals(List.of(HEAD, HEAD, HEAD, HEAD), strings(url,
                "select revision from fleet.autogen_tenant_version order by tenant"));
        assertEquals(List.of(), strings(url, "select table_schema from information_schema.tables where table_name"
                + " = 'autogen_version'"), "no tenant keeps versions of its own");
        assertTrue(tables(url, "tenant_04").contains("tenants"), tables(url, "tenant_04").toString());

        CliRun check = CliRun.of("--migrations", MIGRATIONS, "check", "--targets", targets.toString());
        assertEquals(0, check.exitCode(), check.toString());
        assertEquals("4 targets: 4 at head " + HEAD + ", 0 not.\n", check.out());
        CliRun validate = CliRun.of("--migrations", MIGRATIONS, "validate", "--targets", targets.toString());
        assertEquals("4 targets: 4 valid, 0 invalid.\n", validate.out(), validate.toString());

        CliRun down = CliRun.of("--migrations", MIGRATIONS, "downgrade", "04c351a8712d", "--targets",
                targets.toString(), "--allow-data-loss");
        assertEquals(0, down.exitCode(), down.toString());
        CliRun current = CliRun.of("--migrations", MIGRATIONS, "current", "--targets", targets.toString());
        assertEquals(0, current.exitCode(), current.toString());
        assertTrue(current.out().contains("l/tenant_03: 04c351a8712d\n"), current.out());
        assertEquals(List.of("04c351a8712d"), strings(url, "select distinct revision from"
                + " fleet.autogen_tenant_version"));
    }

    private static String bare(String url) {
        return url.substring(0, url.indexOf('?'));
    }
}
