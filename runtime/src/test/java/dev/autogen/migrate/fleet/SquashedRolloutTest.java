package dev.autogen.migrate.fleet;

import static dev.autogen.testing.TestSql.execute;
import static dev.autogen.testing.TestSql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.ConnectionFactory;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.MigrationFiles;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.discovery.SourceDirectoryMigrationSource;
import dev.autogen.migrate.tenants.FleetReport;
import dev.autogen.migrate.tenants.SchemaFleet;
import dev.autogen.migrate.tenants.SchemaOutcome;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fleets over three schemas of a real PostgreSQL database ({@code --targets} rollouts and {@code --schemas} runs) read a
 * squash as the single migrator does: the schema at the squash's last original only runs what follows, the one part-way
 * goes through the originals, the fresh one runs only the squash; every revision's row in {@code events} is written
 * once.
 */
class SquashedRolloutTest {
    private static final List<String> SCHEMAS = List.of("t_fresh", "t_part", "t_past");

    @TempDir
    Path dir;

    @Test
    void aRolloutTakesSchemasBeforeInsideAndPastTheRangeToHeadRunningEachChangeOnce() throws Exception {
        String url = TestDatabases.freshPostgres("squashfleet");
        var migrations = squashedWhileSchemasStandAroundTheRange(url);
        List<TargetSpec> specs = List.of(TargetSpec.of("db", url).withSchemas(SCHEMAS));

        RolloutReport report = Rollout.of(specs, migrations).upgrade("head");

        assertTrue(report.complete(), report.outcomes().toString());
        List<TargetOutcome.Migrated> migrated = report.of(TargetOutcome.Migrated.class);
        assertEquals(List.of(List.of("s1", "d4"), List.of("c3", "d4"), List.of("d4")),
                migrated.stream().sorted(Comparator.comparing(m -> m.target().key()))
                        .map(TargetOutcome.Migrated::revisions).toList());
        eachChangeRanOnce(url);
        assertEquals(List.of(List.of("d4"), List.of("d4"), List.of("d4")),
                Rollout.of(specs, migrations).versions().stream().map(TargetVersion::current).toList());
    }

    @Test
    void aSchemaFleetTakesThemToHeadTheSameWay() throws Exception {
        String url = TestDatabases.freshPostgres("squashschemas");
        var migrations = squashedWhileSchemasStandAroundTheRange(url);

        FleetReport report = SchemaFleet.of(ConnectionFactory.of(url, null, null), migrations).upgrade(SCHEMAS, "head");

        assertTrue(report.allMigrated(), report.outcomes().toString());
        assertEquals(List.of(List.of("s1", "d4"), List.of("c3", "d4"), List.of("d4")), report.outcomes().stream()
                .sorted(Comparator.comparing(SchemaOutcome::schema))
                .map(o -> ((SchemaOutcome.Migrated) o).applied()).toList());
        eachChangeRanOnce(url);
    }

    /**
     * Applies a1, b2, c3 to t_past and a1, b2 to t_part, then writes s1 (replacing them, the originals kept) and d4
     * after it; returns the migrations.
     */
    private List<LoadedMigration> squashedWhileSchemasStandAroundTheRange(String url) throws Exception {
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
        return new SourceDirectoryMigrationSource(dir).load();
    }

    private static void eachChangeRanOnce(String url) throws Exception {
        for (String schema : SCHEMAS) {
            assertEquals(List.of("a1", "b2", "c3", "d4"),
                    strings(url, "select revision from " + schema + ".events order by 1"), schema);
            assertEquals(List.of("d4"), strings(url, "select revision from " + schema + ".autogen_version"), schema);
        }
        assertEquals(List.of("s1"), strings(url, "select revision from t_past.autogen_history where direction ="
                + " 'squash'"));
    }
}
