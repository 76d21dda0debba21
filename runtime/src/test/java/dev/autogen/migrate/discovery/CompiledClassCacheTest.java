package dev.autogen.migrate.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migration;
import dev.autogen.migrate.MigrationFiles;
import dev.autogen.migrate.history.MigrationChecksum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompiledClassCacheTest {
    @TempDir
    Path dir;

    private Path sources() {
        Path root = dir.resolve("src");
        MigrationFiles.write(root, "V0001_Init", "aaa111", null, "initial schema",
                List.of("create table users (id integer primary key)"), List.of("drop table users"));
        MigrationFiles.write(root, "V0002_AddPhone", "bbb222", "aaa111", "add phone",
                List.of("alter table users add column phone text"), List.of("alter table users drop column phone"));
        return root;
    }

    private SourceDirectoryMigrationSource source(Path root, CompiledClassCache cache) {
        return new SourceDirectoryMigrationSource(root, new JavaSourceCompiler(), cache);
    }

    private SourceDirectoryMigrationSource loaded(Path root, CompiledClassCache cache) {
        var source = source(root, cache);
        source.load();
        return source;
    }

    private static List<String> described(List<LoadedMigration> migrations) {
        return migrations.stream()
                .map(m -> m.id() + " " + m.parents() + " " + m.message() + " " + m.className() + " " + m.sourceFile()
                        + " " + m.upgradeOperations() + " " + m.downgradeOperations() + " " + MigrationChecksum.of(m))
                .toList();
    }

    private List<Path> classFiles(Path cacheRoot) throws IOException {
        try (Stream<Path> files = Files.walk(cacheRoot)) {
            return files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
        }
    }

    @Test
    void secondLoadOfTheSameSourcesComesFromTheCacheWithEqualMigrations() throws IOException {
        Path root = sources();
        CompiledClassCache cache = CompiledClassCache.at(dir.resolve("cache"));

        var first = source(root, cache);
        List<LoadedMigration> compiled = first.load();
        var second = source(root, cache);
        List<LoadedMigration> cached = second.load();

        assertFalse(first.loadedFromCache());
        assertTrue(second.loadedFromCache());
        assertEquals(described(compiled), described(cached));
        assertEquals(root.resolve("migrations/V0002_AddPhone.java"), cached.get(1).sourceFile());
        assertEquals(2, classFiles(dir.resolve("cache")).size());
        try (Stream<Path> entries = Files.list(dir.resolve("cache"))) {
            assertEquals(1, entries.count(), "one entry, no temporary directory left");
        }
    }

    @Test
    void aCachedMigrationsChecksumIsTheOneItsOperationsGive() throws IOException {
        Path root = sources();
        CompiledClassCache cache = CompiledClassCache.at(dir.resolve("cache"));
        source(root, cache).load();
        var second = source(root, cache);
        List<LoadedMigration> cached = second.load();
        assertTrue(second.loadedFromCache());

        Path manifest;
        try (Stream<Path> entries = Files.list(dir.resolve("cache"))) {
            manifest = entries.findFirst().orElseThrow().resolve("manifest.tsv");
        }
        for (LoadedMigration migration : cached) {
            // the same operations through another class: a checksum computed now, not remembered
            Migration delegate = new Migration() {
                @Override
                public void upgrade(SchemaChanges schema) {
                    migration.instance().upgrade(schema);
                }

                @Override
                public void downgrade(SchemaChanges schema) {
                    migration.instance().downgrade(schema);
                }
            };
            String computed = MigrationChecksum.of(new LoadedMigration(migration.id(), migration.parents(),
                    migration.message(), migration.className(), delegate, null));
            assertEquals(computed, MigrationChecksum.of(migration), migration.className());
            assertTrue(Files.readString(manifest).contains("\t" + migration.className() + "\t" + computed + "\t"),
                    "the entry keeps the checksum beside the class");
        }
    }

    @Test
    void anEntryWithADamagedChecksumIsNotReadAndIsReplaced() throws IOException {
        Path root = sources();
        CompiledClassCache cache = CompiledClassCache.at(dir.resolve("cache"));
        List<String> compiled = described(source(root, cache).load());
        Path manifest;
        try (Stream<Path> entries = Files.list(dir.resolve("cache"))) {
            manifest = entries.findFirst().orElseThrow().resolve("manifest.tsv");
        }
        Files.writeString(manifest, Files.readString(manifest).replaceAll("\t[0-9a-f]{64}\t", "\tnot-a-checksum\t"));

        var again = source(root, cache);
        assertEquals(compiled, described(again.load()));
        assertFalse(again.loadedFromCache(), "a manifest with a damaged checksum is a miss");
        var repaired = source(root, cache);
        repaired.load();
        assertTrue(repaired.loadedFromCache());
    }

    @Test
    void editingOneSourceChangesTheKeyAndRecompiles() throws IOException {
        Path root = sources();
        CompiledClassCache cache = CompiledClassCache.at(dir.resolve("cache"));
        source(root, cache).load();
        String before = cache.key(root, List.of(root.resolve("migrations/V0001_Init.java"),
                root.resolve("migrations/V0002_AddPhone.java")), List.of());

        MigrationFiles.write(root, "V0002_AddPhone", "bbb222", "aaa111", "add phone",
                List.of("alter table users add column phone varchar(20)"), List.of("alter table users drop column phone"));
        String after = cache.key(root, List.of(root.resolve("migrations/V0001_Init.java"),
                root.resolve("migrations/V0002_AddPhone.java")), List.of());
        var edited = source(root, cache);
        List<LoadedMigration> migrations = edited.load();

        assertNotEquals(before, after);
        assertFalse(edited.loadedFromCache());
        assertEquals("[ExecuteSql[sql=alter table users add column phone varchar(20), reverseSql=null]]",
                migrations.get(1).upgradeOperations().toString());
        var again = source(root, cache);
        again.load();
        assertTrue(again.loadedFromCache());
    }

    @Test
    void aTruncatedClassFileFallsBackToCompilingAndRepairsTheEntry() throws IOException {
        Path root = sources();
        CompiledClassCache cache = CompiledClassCache.at(dir.resolve("cache"));
        List<LoadedMigration> compiled = source(root, cache).load();
        Path damaged = classFiles(dir.resolve("cache")).get(0);
        byte[] bytes = Files.readAllBytes(damaged);
        Files.write(damaged, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        var afterDamage = source(root, cache);
        List<LoadedMigration> recompiled = afterDamage.load();
        var repaired = source(root, cache);
        repaired.load();

        assertFalse(afterDamage.loadedFromCache());
        assertEquals(described(compiled), described(recompiled));
        assertTrue(repaired.loadedFromCache());
    }

    @Test
    void anEntryWithoutItsManifestIsNotReadAndIsReplaced() throws IOException {
        Path root = sources();
        CompiledClassCache cache = CompiledClassCache.at(dir.resolve("cache"));
        source(root, cache).load();
        Path entry;
        try (Stream<Path> entries = Files.list(dir.resolve("cache"))) {
            entry = entries.findFirst().orElseThrow();
        }
        Files.delete(entry.resolve("manifest.tsv"));

        var halfWritten = source(root, cache);
        List<LoadedMigration> migrations = halfWritten.load();
        var replaced = source(root, cache);
        replaced.load();

        assertFalse(halfWritten.loadedFromCache());
        assertEquals(List.of("aaa111", "bbb222"), migrations.stream().map(LoadedMigration::id).toList());
        assertTrue(replaced.loadedFromCache());
    }

    @Test
    void offDisablesTheCache() {
        Path root = sources();
        CompiledClassCache off = CompiledClassCache.forSetting("off");
        var first = source(root, off);
        first.load();
        var second = source(root, off);
        second.load();

        assertFalse(off.enabled());
        assertFalse(first.loadedFromCache());
        assertFalse(second.loadedFromCache());
        assertEquals(dir.resolve("elsewhere"), CompiledClassCache.forSetting(dir.resolve("elsewhere").toString())
                .root().orElseThrow());
    }

    private Path entry() throws IOException {
        try (Stream<Path> entries = Files.list(dir.resolve("cache"))) {
            return entries.filter(e -> Files.isRegularFile(e.resolve("manifest.tsv"))).findFirst().orElseThrow();
        }
    }

    @Test
    void aNoteKeptWithTheEntryIsReadByTheNextLoadOfTheSameSources() {
        Path root = sources();
        CompiledClassCache cache = CompiledClassCache.at(dir.resolve("cache"));
        var first = source(root, cache);
        first.load();
        assertEquals(Optional.empty(), first.note("schemas"), "nothing kept yet");
        first.keepNote("schemas", "audit\nbilling\n");

        var second = source(root, cache);
        second.load();
        assertTrue(second.loadedFromCache());
        assertEquals(Optional.of("audit\nbilling\n"), second.note("schemas"));
        second.keepNote("empty", "");
        assertEquals(Optional.of(""), loaded(root, cache).note("empty"));
        assertEquals(Optional.empty(), second.note("other"));
    }

    @Test
    void aDamagedOrMissingNoteIsAMissNotAnError() throws IOException {
        Path root = sources();
        CompiledClassCache cache = CompiledClassCache.at(dir.resolve("cache"));
        var first = source(root, cache);
        first.load();
        first.keepNote("schemas", "audit\n");
        Path note = entry().resolve("schemas.note");
        assertTrue(Files.isRegularFile(note));

        Files.writeString(note, Files.readString(note).replace("audit", "audiT"));
        assertEquals(Optional.empty(), loaded(root, cache).note("schemas"), "changed text");
        Files.writeString(note, "no digest line");
        assertEquals(Optional.empty(), loaded(root, cache).note("schemas"), "no digest");
        Files.write(note, new byte[] {(byte) 0xff, (byte) 0xfe, '\n', 'x'});
        assertEquals(Optional.empty(), loaded(root, cache).note("schemas"), "not UTF-8");
        Files.delete(note);
        Files.createDirectory(note);
        assertEquals(Optional.empty(), loaded(root, cache).note("schemas"), "a directory");
        Files.delete(note);
        assertEquals(Optional.empty(), loaded(root, cache).note("schemas"), "deleted");

        var again = loaded(root, cache);
        again.keepNote("schemas", "audit\n");
        assertEquals(Optional.of("audit\n"), loaded(root, cache).note("schemas"), "rewritten");
        assertTrue(loaded(root, cache).loadedFromCache(), "the notes never spoil the classes");
        try (Stream<Path> files = Files.list(entry())) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains(".tmp-")), "no temporary file left");
        }
    }

    @Test
    void notesNeedAnEntryAndAnEditedSourceStartsWithout() throws IOException {
        Path root = sources();
        var off = source(root, CompiledClassCache.disabled());
        off.load();
        off.keepNote("schemas", "audit\n");
        assertEquals(Optional.empty(), off.note("schemas"));
        var notLoaded = source(root, CompiledClassCache.at(dir.resolve("cache")));
        notLoaded.keepNote("schemas", "audit\n");
        assertEquals(Optional.empty(), notLoaded.note("schemas"));

        CompiledClassCache cache = CompiledClassCache.at(dir.resolve("cache"));
        var first = loaded(root, cache);
        first.keepNote("schemas", "audit\n");
        first.keepNote("../escape", "x");
        assertFalse(Files.exists(dir.resolve("cache").resolve("escape.note")));
        MigrationFiles.write(root, "V0003_AddMail", "ccc333", "bbb222", "add mail",
                List.of("alter table users add column mail text"), List.of("alter table users drop column mail"));
        var edited = loaded(root, cache);
        assertFalse(edited.loadedFromCache());
        assertEquals(Optional.empty(), edited.note("schemas"), "another entry, another set of notes");
    }
}
