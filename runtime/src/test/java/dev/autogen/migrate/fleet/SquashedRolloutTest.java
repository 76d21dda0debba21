package dev.autogen.migrate.fleet;

import static dev.autogen.testing.TestSql.execute;
import static dev.autogen.testing.TestSql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.ConnectionFactory;
import dev.autogen.migrate.MigrationFiles;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.discovery.SourceDirectoryMigrationSource;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollout over three schemas of a real PostgreSQL database reads a squash as the single migrator does: the schema at
 * the squash's last original only runs what follows, the one part-way goes through the originals, the fresh one runs
 * only the squash; every revision's row in {@code events} is written once.
 */
class SquashedRolloutTest {
    private static final List<String> SCHEMAS = List.of("t_fresh", "t_part", "t_past");

    @TempDir
    Path dir;

    @Test
    void schemasBeforeInsideAndPastTheRangeAllEndAtHeadHavingRunEachChangeOnce() throws Exception {
        String url = TestDatabases.freshPostgres("squashfleet");
        execute(url, SCHEMAS.stream().map(s -> "create schema " + s).toArray(String[]::new));
        MigrationFiles.write(dir, "V0001_A", "a1", null, "a", List.of("create table events (revision varchar(20))",
                "insert into events values ('a1')"), List.of("drop table events"));
        MigrationFiles.write(dir, "V0002_B", "b2", "a1", "b", List.of("insert into events values ('b2')"),
                List.of("delete from events where revision = 'b2'"));
        MigrationFiles.write(dir, "V0003_C", "c3", "b2", "c", List.of("insert into events values ('c3')"),
                List.of("delete from events where revision = 'c3'"));
        ConnectionFactory connections = ConnectionFactory.of(url, null, null);
        Migrator originals = new Migrator(connections, Dialect.POSTGRESQL,
                new SourceDirectoryMigrationSource(dir).load());
        originals.withSchema("t_part").upgrade("b2");
        originals.withSchema("t_past").upgrade("c3");

        MigrationFiles.writeText(dir, "V0001_Squash", MigrationFiles.source("V0001_Squash", "s1", null, "squash",
                List.of("create table events (revision varchar(20))", "insert into events values ('a1')",
                        "insert into events values ('b2')", "insert into events values ('c3')"),
                List.of("drop table events")).replace("message = \"squash\"",
                "message = \"squash\", replaces = {\"a1\", \"b2\", \"c3\"}"));
        MigrationFiles.write(dir, "V0004_D", "d4", "s1", "d", List.of("insert into events values ('d4')"),
                List.of("delete from events where revision = 'd4'"));
        List<TargetSpec> specs = List.of(TargetSpec.of("db", url).withSchemas(SCHEMAS));
        var migrations = new SourceDirectoryMigrationSource(dir).load();

        RolloutReport report = Rollout.of(specs, migrations).upgrade("head");

        assertTrue(report.complete(), report.outcomes().toString());
        List<TargetOutcome.Migrated> migrated = report.of(TargetOutcome.Migrated.class);
        assertEquals(List.of(List.of("s1", "d4"), List.of("c3", "d4"), List.of("d4")),
                migrated.stream().sorted(java.util.Comparator.comparing(m -> m.target().key()))
                        .map(TargetOutcome.Migrated::revisions).toList());
        for (String schema : SCHEMAS) {
            assertEquals(List.of("a1", "b2", "c3", "d4"),
                    strings(url, "select revision from " + schema + ".events order by 1"), schema);
            assertEquals(List.of("d4"), strings(url, "select revision from " + schema + ".autogen_version"), schema);
        }
        assertEquals(List.of("s1"), strings(url, "select revision from t_past.autogen_history where direction ="
                + " 'squash'"));
        assertEquals(List.of(List.of("d4"), List.of("d4"), List.of("d4")),
                Rollout.of(specs, migrations).versions().stream().map(TargetVersion::current).toList());
    }
}
