package dev.autogen.migrate.fleet;

import static dev.autogen.testing.TestSql.execute;
import static dev.autogen.testing.TestSql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.ConnectionFactory;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.discovery.ClassPathMigrationSource;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollout decides from its summary query what each tenant schema needs, but runs it later: a schema whose version
 * or history rows changed in between is judged by what its run reads under the lock, not by the summary. Here, after
 * the canary, one schema is taken to head behind the rollout's back (its run then does nothing), one is taken back to
 * base (its run applies both revisions, on the session lock), and one has a recorded checksum edited (its run refuses
 * before anything runs, and the rerun, once the checksum is repaired, does only that schema).
 */
class BehindTheSummaryTest {
    private static final List<LoadedMigration> MIGRATIONS = new ClassPathMigrationSource(
            BehindTheSummaryTest.class.getClassLoader(), "dev.autogen.migrate.fixtures.note").load();
    private static final List<String> SCHEMAS = List.of("tenant_01", "tenant_02", "tenant_03", "tenant_04");

    @TempDir
    Path dir;

    @Test
    void rowsChangedAfterTheSummaryAreReadUnderTheLockAndNothingRunsTwice() throws Exception {
        String url = TestDatabases.freshPostgres("behindsummary");
        ConnectionFactory connections = ConnectionFactory.of(url, null, null);
        for (String schema : SCHEMAS) {
            execute(url, "create schema " + schema);
            new Migrator(connections, Dialect.POSTGRESQL, MIGRATIONS).withSchema(schema).upgrade("a10000000001");
        }
        String checksum = strings(url, "select checksum from tenant_04.autogen_history").getFirst();
        Path state = dir.resolve("rollout.state");
        Rollout rollout = Rollout.of(List.of(TargetSpec.of("s", url).withSchemas(SCHEMAS)), MIGRATIONS).canary(1)
                .parallel(1).maxFailures(3).state(state);

        RolloutReport first = rollout.onFinished(outcome -> {
            if (outcome.target().key().equals("s/tenant_01")) {
                new Migrator(connections, Dialect.POSTGRESQL, MIGRATIONS).withSchema("tenant_02").upgrade("head");
                new Migrator(connections, Dialect.POSTGRESQL, MIGRATIONS).withSchema("tenant_03").downgrade("base");
                try {
                    execute(url, "update tenant_04.autogen_history set checksum = 'edited'");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }).upgrade("head");

        assertEquals(List.of("s/tenant_01 [a10000000002]", "s/tenant_02 []",
                "s/tenant_03 [a10000000001, a10000000002]"), first.of(TargetOutcome.Migrated.class).stream()
                .map(m -> m.target().key() + " " + m.revisions()).toList());
        assertEquals(List.of("s/tenant_04"), first.failed().stream().map(f -> f.target().key()).toList());
        assertTrue(first.failed().getFirst().message().contains("a10000000001"), first.failed().getFirst().message());
        for (String schema : List.of("tenant_01", "tenant_02", "tenant_03")) {
            assertEquals(List.of("a10000000002"), strings(url, "select revision from " + schema + ".autogen_version"));
            assertEquals(List.of("1"), strings(url, "select count(*)::text from " + schema + ".autogen_history"
                    + " where revision = 'a10000000002' and direction = 'upgrade'"), schema + ": applied once");
        }
        assertEquals(List.of("a10000000001"), strings(url, "select revision from tenant_04.autogen_version"));
        assertEquals(List.of(), strings(url, "select column_name from information_schema.columns"
                + " where table_schema = 'tenant_04' and column_name = 'note'"));

        execute(url, "update tenant_04.autogen_history set checksum = '" + checksum + "'");
        RolloutReport rerun = rollout.upgrade("head");

        assertEquals(List.of("s/tenant_04 [a10000000002]"), rerun.of(TargetOutcome.Migrated.class).stream()
                .map(m -> m.target().key() + " " + m.revisions()).toList());
        assertTrue(rerun.complete());
        for (String schema : SCHEMAS) {
            assertEquals(List.of("1"), strings(url, "select count(*)::text from " + schema + ".autogen_history"
                    + " where revision = 'a10000000002'"), schema + ": applied once over both runs");
        }
        assertEquals(List.of(), strings(url, "select objid::text from pg_locks where locktype = 'advisory'"));
    }
}
