package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import dev.autogen.generator.testing.EntitySources;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestSql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code check}'s in-sync record as a user meets it, on both databases: a second clean check answers from the record
 * (it reads no entity model: the emptied entity-model cache stays empty) with the same output, and nothing can make it
 * answer stale: a column, an index or a policy added by hand, an edited entity, an edited migration, a damaged record.
 * The test runs with a cache directory of its own, so that it can see which entries a check wrote.
 */
class InSyncRecordCliTest {
    private static final String PACKAGE = "insync.model";
    private static final String CACHE_PROPERTY = "autogen.cache.dir";

    private String previousCacheDir;
    private Path cache;

    @BeforeEach
    void ownCacheDirectory() throws IOException {
        previousCacheDir = System.getProperty(CACHE_PROPERTY);
        cache = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"))),
                "in-sync-cache");
        System.setProperty(CACHE_PROPERTY, cache.toString());
    }

    @AfterEach
    void restoreCacheDirectory() {
        if (previousCacheDir == null) {
            System.clearProperty(CACHE_PROPERTY);
        } else {
            System.setProperty(CACHE_PROPERTY, previousCacheDir);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void aRecordAnswersOnlyWhileNothingChanged(String database) throws Exception {
        boolean postgres = database.equals("postgresql");
        String url = postgres ? TestDatabases.freshPostgres("in_sync") : TestDatabases.freshSqlite("in-sync");
        GadgetProject project = GadgetProject.create(url, PACKAGE, "in-sync-cli");
        EntitySources entities = project.entities();
        List<String> common = project.common();
        Path migrations = project.migrations();
        assertExit(0, CliRun.of(common, "-m", "initial", "--rev-id", "1a5ync000001"));
        assertExit(0, CliRun.of(common, "upgrade"));

        CliRun full = assertExit(0, CliRun.of(common, "check"));
        assertEquals(1, files("in-sync"), "a clean check writes one record");
        assertHit(common, full.out());
        String json = assertExit(0, CliRun.of(common, "check", "--format", "json")).out();
        assertEquals(json, assertExit(0, CliRun.of(common, "check", "--format", "json")).out());

        // changes made behind autogen's back: each is seen by the very next check, and undone, check is clean again
        List<List<String>> byHand = List.of(
                List.of("alter table gadget add column extra integer", "alter table gadget drop column extra"),
                List.of("create index ix_by_hand on gadget (label)", "drop index ix_by_hand"));
        if (postgres) {
            byHand = Stream.concat(byHand.stream(), Stream.of(
                    List.of("alter table gadget alter column label drop not null",
                            "alter table gadget alter column label set not null"),
                    List.of("comment on table gadget is 'by hand'", "comment on table gadget is null"),
                    List.of("create policy by_hand on gadget using (true)", "drop policy by_hand on gadget"),
                    List.of("alter table gadget enable row level security",
                            "alter table gadget disable row level security"))).toList();
        }
        for (List<String> change : byHand) {
            TestSql.execute(url, change.get(0));
            deleteTree(cache.resolve("entity-models"));
            CliRun after = CliRun.of(common, "check");
            assertTrue(Files.isDirectory(cache.resolve("entity-models")), "must miss: " + change.get(0) + "\n" + after);
            // the differ leaves a comment the entities do not declare alone: a miss, and still clean
            boolean seen = !change.get(0).startsWith("comment");
            assertEquals(seen ? 1 : 0, after.exitCode(), change.get(0) + "\n" + after);
            assertEquals(seen, after.out().contains("Out of sync: the entities differ"), change.get(0) + "\n" + after);
            TestSql.execute(url, change.get(1));
            assertExit(0, CliRun.of(common, "check"));
            assertHit(common, full.out());
        }

        // a revision applied from elsewhere (here: a version row moved by hand) is seen
        TestSql.execute(url, "update autogen_version set revision = 'feedfacecafe'");
        assertExit(1, CliRun.of(common, "check"));
        TestSql.execute(url, "update autogen_version set revision = '1a5ync000001'");
        assertExit(0, CliRun.of(common, "check"));

        // an edited entity misses
        entities.edit("Gadget", "private String label;", "private String label;\n    private Integer weight;").compile();
        CliRun drift = assertExit(1, CliRun.of(common, "check"));
        assertTrue(drift.out().contains("AddColumn gadget weight"), drift.toString());
        entities.edit("Gadget", "private String label;\n    private Integer weight;", "private String label;").compile();
        assertExit(0, CliRun.of(common, "check"));
        assertHit(common, full.out());

        // an edited migration misses (the full check reads the entity model again)
        Path migration;
        try (Stream<Path> sources = Files.walk(migrations)) {
            migration = sources.filter(p -> p.toString().endsWith(".java")).findFirst().orElseThrow();
        }
        Files.writeString(migration, Files.readString(migration) + "\n// edited\n");
        deleteTree(cache.resolve("entity-models"));
        CliRun edited = CliRun.of(common, "check");
        assertTrue(Files.isDirectory(cache.resolve("entity-models")), "an edited migration must miss\n" + edited);

        // a damaged record is a miss, never an error
        Files.writeString(migration, Files.readString(migration).replace("\n// edited\n", ""));
        assertExit(0, CliRun.of(common, "check"));
        try (Stream<Path> records = Files.list(cache.resolve("in-sync"))) {
            for (Path record : records.toList()) {
                Files.writeString(record, "damaged");
            }
        }
        deleteTree(cache.resolve("entity-models"));
        assertEquals(full.out(), assertExit(0, CliRun.of(common, "check")).out());
        assertTrue(Files.isDirectory(cache.resolve("entity-models")), "a damaged record must miss");
        assertHit(common, full.out());
    }

    /** Asserts that the next check is clean, prints {@code expected} and reads no entity model. */
    private void assertHit(List<String> common, String expected) throws IOException {
        deleteTree(cache.resolve("entity-models"));
        CliRun hit = assertExit(0, CliRun.of(common, "check"));
        assertEquals(expected, hit.out());
        assertFalse(Files.exists(cache.resolve("entity-models")), "the check did not answer from its record\n" + hit);
    }

    private long files(String directory) throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve(directory))) {
            return files.count();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static CliRun assertExit(int expected, CliRun run) {
        assertEquals(expected, run.exitCode(), run::toString);
        return run;
    }
}
