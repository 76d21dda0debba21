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
        String entities = Path.of(User.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String before = System.getProperty(CACHE_PROPERTY);
        try {
            StartCacheTraining.main(new String[] {scratch.toString(), entities});
        } finally {
            if (before == null) {
                System.clearProperty(CACHE_PROPERTY);
            } else {
                System.setProperty(CACHE_PROPERTY, before);
            }
        }

        try (Stream<Path> sources = Files.walk(scratch.resolve("migrations"))) {
            assertEquals(1, sources.filter(p -> p.toString().endsWith(".java")).count(), "-m wrote the migration");
        }
        assertEquals(List.of("000000000001"), TestSql.strings("jdbc:sqlite:" + scratch.resolve("training.db"),
                "select revision from autogen_version"), "upgrade applied it");
        assertEquals(2, files(scratch.resolve("cache/entity-models")), "the SQLite and the PostgreSQL models were cached");
        assertEquals(1, files(scratch.resolve("cache/in-sync")), "a clean check wrote its in-sync record");
    }

    private static long files(Path directory) throws Exception {
        assertTrue(Files.isDirectory(directory), directory + " is missing");
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }
}
