package dev.autogen.migrate.fleet;

import static dev.autogen.testing.TestSql.execute;
import static dev.autogen.testing.TestSql.rows;
import static dev.autogen.testing.TestSql.strings;
import static dev.autogen.testing.TestSql.tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.discovery.ClassPathMigrationSource;
import dev.autogen.testing.TestServers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet whose tenants keep their versions in a tenant ledger ({@code ledger=}), on a real PostgreSQL server: the
 * tenants' own version tables are moved into it with their history, batches of tenants move in one transaction, a
 * batch with one failing tenant is rolled back whole and rerun tenant by tenant (the bad tenant fails alone), a
 * revision no batch can hold runs tenant by tenant with its versions still in the ledger, and a rollout downgrades
 * in batches again. What each schema holds afterwards is checked in the catalog, not taken from the report.
 */
class LedgerRolloutTest {
    private static final List<LoadedMigration> MIGRATIONS = new ClassPathMigrationSource(
            LedgerRolloutTest.class.getClassLoader(), "dev.autogen.migrate.fixtures.ledger").load();
    private static final List<String> SCHEMAS = IntStream.rangeClosed(1, 12).mapToObj("t%02d"::formatted).toList();
    private static final String USERS = "d00000000001";
    private static final String PHONE = "d00000000002";
    private static final String EVENTS = "d00000000003";

    @TempDir
    Path dir;

    @Test
    void aFailedBatchRerunOneByOneStopsAtMaxFailuresAndTheRerunFinishesTheRest() throws Exception {
        String url = TestServers.freshDatabase(0, "ledgerstop");
        List<String> tenants = SCHEMAS.subList(0, 6);
        execute(url, tenants.stream().map(s -> "create schema " + s).toArray(String[]::new));
        execute(url, "create table t02.users (legacy integer)"); // t02 cannot take the first revision
        TargetSpec spec = TargetSpec.of("eu", url).withSchemas(tenants).withLedger("autogen");
        Path state = dir.resolve("rollout.state");
        Rollout rollout = Rollout.of(List.of(spec), MIGRATIONS).tenantsPerTransaction(6).parallel(1).state(state);

        RolloutReport first = rollout.upgrade(USERS);

        assertEquals(List.of("t01"), schemas(first.of(TargetOutcome.Migrated.class)));
        assertEquals(List.of("t02"), schemas(first.failed()));
        assertEquals(List.of("t03", "t04", "t05", "t06"), schemas(first.of(TargetOutcome.NotStarted.class)),
                "--max-failures 0: after the batch failed, its tenants after the failing one were not started");
        assertEquals(List.of("t01"), strings(url, "select table_schema from information_schema.tables where"
                + " table_name = 'users' and table_schema <> 't02'"));

        execute(url, "drop table t02.users");
        RolloutReport rerun = rollout.upgrade(USERS);

        assertTrue(rerun.complete(), rerun.outcomes().toString());
        assertEquals(List.of("t01"), schemas(rerun.of(TargetOutcome.DoneEarlier.class)));
        assertEquals(Collections.nCopies(6, USERS), strings(url,
                "select revision from autogen.autogen_tenant_version order by tenant"));
    }

    private static List<String> schemas(List<? extends TargetOutcome> outcomes) {
        return outcomes.stream().map(o -> o.target().schema()).toList();
    }

    @Test
    void tenantsMoveIntoTheLedgerAndRunInBatchesAndAFailingTenantFailsAlone() throws Exception {
        String url = TestServers.freshDatabase(0, "ledger");
        execute(url, SCHEMAS.stream().map(s -> "create schema " + s).toArray(String[]::new));
        TargetSpec own = TargetSpec.of("eu", url).withSchemas(SCHEMAS);
        // a fleet from before the ledger: every tenant at the first revision, in its own tables
        assertTrue(Rollout.of(List.of(own), MIGRATIONS).upgrade(USERS).complete());
        execute(url, "alter table t07.users add column phone integer"); // t07 cannot take the next revision

        TargetSpec ledger = own.withLedger("autogen");
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Rollout rollout = Rollout.of(List.of(ledger), MIGRATIONS).tenantsPerTransaction(5).parallel(2)
                .maxFailures(5).listener((key, line) -> lines.add(key + ": " + line));

        RolloutReport phone = rollout.upgrade(PHONE);

        assertTrue(lines.contains("eu: moved the version rows and history of 12 tenant schemas into the ledger in"
                + " schema autogen"), lines.toString());
        assertEquals(List.of("t07"), phone.failed().stream().map(f -> f.target().schema()).toList());
        assertTrue(phone.failed().get(0).message().contains("column \"phone\" of relation \"users\" already exists"),
                phone.failed().get(0).message());
        assertEquals(11, phone.of(TargetOutcome.Migrated.class).size());
        assertTrue(lines.stream().anyMatch(l -> l.contains("run one by one: the batch failed at statement: alter"
                + " table")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("eu/t01: applying " + PHONE + " phone … ")
                && l.endsWith("(one transaction with the rest of its batch)")), lines.toString());
        for (String schema : SCHEMAS) {
            assertEquals(List.of("users"), tables(url, schema), schema + ": its version tables moved out");
            assertEquals(schema.equals("t07") ? List.of() : List.of("ix_users_phone"), strings(url,
                    "select indexname from pg_indexes where schemaname = '" + schema + "' and indexname like 'ix%'"),
                    schema);
        }
        List<String> expected = new ArrayList<>();
        for (String schema : SCHEMAS) {
            expected.add(schema + " " + (schema.equals("t07") ? USERS : PHONE));
        }
        assertEquals(expected, rows(url, "select tenant, revision from autogen.autogen_tenant_version order by 1"));
        assertEquals(List.of(USERS + " upgrade", PHONE + " upgrade"), rows(url, "select revision, direction from"
                + " autogen.autogen_tenant_history where tenant = 't01' order by id"), "the moved history kept");
        assertEquals(List.of(USERS + " upgrade"), rows(url, "select revision, direction from"
                + " autogen.autogen_tenant_history where tenant = 't07' order by id"));

        execute(url, "alter table t07.users drop column phone");
        lines.clear();
        RolloutReport head = rollout.upgrade("head");

        assertTrue(head.complete(), head.failed().toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("moved")), "nothing left to move: " + lines);
        for (String schema : SCHEMAS) {
            assertEquals(List.of(EVENTS), strings(url, "select revision from " + schema + ".events"),
                    "applied once in " + schema);
            assertFalse(tables(url, schema).contains("autogen_version"), schema + " has no version table of its own");
        }
        assertEquals(Collections.nCopies(12, EVENTS), strings(url,
                "select revision from autogen.autogen_tenant_version order by tenant"));
        assertEquals(12, Rollout.of(List.of(ledger), MIGRATIONS).upgrade("head").of(TargetOutcome.AtTarget.class)
                .size(), "known from the ledger in one query");
        assertTrue(Rollout.of(List.of(ledger), MIGRATIONS).validate("fixtures").stream()
                .allMatch(r -> r.report() != null && r.report().valid()));

        RolloutReport down = Rollout.of(List.of(ledger), MIGRATIONS).tenantsPerTransaction(6).downgrade(USERS);

        assertTrue(down.complete(), down.failed().toString());
        assertEquals(Collections.nCopies(12, USERS), strings(url,
                "select revision from autogen.autogen_tenant_version order by tenant"));
        assertEquals(List.of(), strings(url, "select table_schema from information_schema.columns"
                + " where column_name = 'phone' or table_name = 'events'"));
        assertEquals(List.of(USERS + " upgrade", PHONE + " upgrade", EVENTS + " upgrade", EVENTS + " downgrade",
                PHONE + " downgrade"), rows(url, "select revision, direction from autogen.autogen_tenant_history"
                + " where tenant = 't12' order by id"));

        // a tenant whose versions are in both places is the operator's call: it fails alone, unchanged
        execute(url, "create table t03.autogen_version (revision varchar(64) primary key)",
                "insert into t03.autogen_version values ('" + PHONE + "')");
        RolloutReport both = Rollout.of(List.of(ledger), MIGRATIONS).maxFailures(5).upgrade(PHONE);

        assertEquals(List.of("t03"), both.failed().stream().map(f -> f.target().schema()).toList());
        assertTrue(both.failed().get(0).message().startsWith("tenant t03 has version rows both in its own"
                + " autogen_version and in the ledger in schema autogen"), both.failed().get(0).message());
        assertEquals(11, both.of(TargetOutcome.Migrated.class).size());
        assertEquals(List.of("t03 " + USERS), rows(url, "select tenant, revision from autogen.autogen_tenant_version"
                + " where revision <> '" + PHONE + "'"));
        assertEquals(List.of(PHONE), strings(url, "select revision from t03.autogen_version"));
    }
}
