package dev.autogen.generator.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.MigrationFiles;
import dev.autogen.migrate.discovery.CompiledClassCache;
import dev.autogen.migrate.discovery.JavaSourceCompiler;
import dev.autogen.migrate.discovery.SourceDirectoryMigrationSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaNamespacesTest {
    @TempDir
    Path dir;

    private Path sources() {
        Path root = dir.resolve("src");
        MigrationFiles.writeText(root, "V0001_Init", MigrationFiles.dslSource("V0001_Init", "aaa111", null,
                "schema.createTable(table(\"audit.events\").column(column(\"id\", integer())));"
                        + "schema.createTable(table(\"notes\").column(column(\"id\", integer())));",
                "schema.dropTable(\"notes\"); schema.dropTable(\"audit.events\");"));
        MigrationFiles.writeText(root, "V0002_Move", MigrationFiles.dslSource("V0002_Move", "bbb222", "aaa111",
                "schema.renameTable(\"notes\", \"billing.notes\");",
                "schema.renameTable(\"billing.notes\", \"notes\");"));
        return root;
    }

    private SourceDirectoryMigrationSource source(Path root) {
        return new SourceDirectoryMigrationSource(root, new JavaSourceCompiler(),
                CompiledClassCache.at(dir.resolve("cache")));
    }

    private Path note() throws IOException {
        try (Stream<Path> entries = Files.list(dir.resolve("cache"))) {
            return entries.filter(e -> Files.isRegularFile(e.resolve("manifest.tsv"))).findFirst().orElseThrow()
                    .resolve(SchemaNamespaces.CREATED_NOTE + ".note");
        }
    }

    @Test
    void theSchemasTheMigrationsCreateInAreKeptInTheirCacheEntryAndReadBack() throws IOException {
        Path root = sources();
        var first = source(root);
        List<LoadedMigration> migrations = first.load();
        SortedSet<String> expected = new TreeSet<>(Set.of("audit", "billing"));
        assertEquals(expected, SchemaNamespaces.createdBy(migrations));
        assertEquals(expected, SchemaNamespaces.createdBy(migrations, first));
        assertEquals(Optional.of("audit\nbilling\n"), first.note(SchemaNamespaces.CREATED_NOTE));

        // the next run reads the note instead of replaying the operations: a planted (valid) note shows it is read
        var planted = source(root);
        planted.load();
        planted.keepNote(SchemaNamespaces.CREATED_NOTE, "planted\n");
        var second = source(root);
        List<LoadedMigration> cached = second.load();
        assertTrue(second.loadedFromCache());
        assertEquals(new TreeSet<>(Set.of("planted")), SchemaNamespaces.createdBy(cached, second));
    }

    @Test
    void aDamagedNoteIsComputedAgainAndRepaired() throws IOException {
        Path root = sources();
        var first = source(root);
        SchemaNamespaces.createdBy(first.load(), first);
        SortedSet<String> expected = new TreeSet<>(Set.of("audit", "billing"));
        for (String damage : List.of("garbage", "", "0123\naudit\n")) {
            Files.writeString(note(), damage);
            var next = source(root);
            assertEquals(expected, SchemaNamespaces.createdBy(next.load(), next), damage);
            assertEquals(Optional.of("audit\nbilling\n"), next.note(SchemaNamespaces.CREATED_NOTE), "repaired");
        }
        Files.delete(note());
        var next = source(root);
        assertEquals(expected, SchemaNamespaces.createdBy(next.load(), next));
        assertEquals(expected, SchemaNamespaces.createdBy(next.load(), null), "no source: computed");
    }

    @Test
    void theNoteTextRoundTripsAndRejectsWhatEncodeNeverWrites() {
        assertEquals(Optional.of(""), SchemaNamespaces.encode(new TreeSet<>()));
        assertEquals(Optional.of(new TreeSet<>()), SchemaNamespaces.decode(""));
        SortedSet<String> names = new TreeSet<>(Set.of("a b", "Zed", "x.y"));
        assertEquals(Optional.of(names), SchemaNamespaces.decode(SchemaNamespaces.encode(names).orElseThrow()));
        assertEquals(Optional.empty(), SchemaNamespaces.encode(new TreeSet<>(Set.of("a\nb"))));
        for (String bad : List.of("a", "a\n\n", "\n", "a\na\n", "a\r\n")) {
            assertEquals(Optional.empty(), SchemaNamespaces.decode(bad), bad);
        }
    }
}
