package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.sample.User;
import dev.autogen.testing.TestSql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up cache's training run really runs the commands it is meant to train: a migration is written and applied,
 * the model and in-sync caches are written and read. A training whose steps silently failed would still make a cache,
 * of the wrong code.
 */
class StartCacheTrainingTest {
    private static final String CACHE_PROPERTY = "autogen.cache.dir";

    @TempDir
    Path scratch;

    @Test
    void trainsMigrationUpgradeAndEveryKindOfCheck() throws Exception {
        train(scratch.toString(), entities());

        try (Stream<Path> sources = Files.walk(scratch.resolve("migrations"))) {
            assertEquals(1, sources.filter(p -> p.toString().endsWith(".java")).count(), "-m wrote the migration");
        }
        assertEquals(List.of("000000000001"), TestSql.strings("jdbc:sqlite:" + scratch.resolve("training.db"),
                "select revision from autogen_version"), "upgrade applied it");
        assertEquals(2, files(scratch.resolve("cache/entity-models")), "the SQLite and the PostgreSQL models were cached");
        assertEquals(1, files(scratch.resolve("cache/in-sync")), "a clean check wrote its in-sync record");
    }

    @Test
    void theCheckTrainingRunsEveryKindOfCheckOverTheProjectTheFirstLeft() throws Exception {
        train(scratch.toString(), entities());
        Path models = scratch.resolve("cache/entity-models");
        Path stale = Files.writeString(models.resolve("stale-marker"), "");
        train("--check", scratch.toString(), entities());

        assertTrue(Files.notExists(stale), "the models were cleared, so the first check booted Hibernate");

        try (Stream<Path> sources = Files.walk(scratch.resolve("migrations"))) {
            assertEquals(1, sources.filter(p -> p.toString().endsWith(".java")).count(), "no second migration");
        }
        assertEquals(2, files(models), "the first check after a change booted Hibernate and cached both models again");
        assertEquals(1, files(scratch.resolve("cache/in-sync")), "a clean check wrote its in-sync record");
    }

    private static String entities() throws Exception {
        return Path.of(User.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** Runs the training as the launcher does, keeping this JVM's cache setting. */
    private static void train(String... args) throws Exception {
        String before = System.getProperty(CACHE_PROPERTY);
        try {
            StartCacheTraining.main(args);
        } finally {
            if (before == null) {
                System.clearProperty(CACHE_PROPERTY);
            } else {
                System.setProperty(CACHE_PROPERTY, before);
            }
        }
    }

    private static long files(Path directory) throws Exception {
        assertTrue(Files.isDirectory(directory), directory + " is missing");
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }
}
