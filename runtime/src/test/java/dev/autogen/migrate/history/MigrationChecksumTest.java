package dev.autogen.migrate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.MigrationFiles;
import dev.autogen.migrate.discovery.SourceDirectoryMigrationSource;
import dev.autogen.schema.ColumnType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationChecksumTest {
    @TempDir
    Path dir;

    private LoadedMigration load(String folder, String text) {
        Path root = dir.resolve(folder);
        MigrationFiles.writeText(root, "V0001_Init", text);
        return new SourceDirectoryMigrationSource(root).load().get(0);
    }

    private static final String ORIGINAL = MigrationFiles.source("V0001_Init", "aaa111", null, "init",
            List.of("create table users (id integer primary key)"), List.of("drop table users"));

    @Test
    void isSha256OverTheOperationLists() {
        // SHA-256 of "upgrade\nExecuteSql[sql=create table users (id integer primary key), reverseSql=null]\n"
        //           + "downgrade\nExecuteSql[sql=drop table users, reverseSql=null]\n"
        assertEquals("be4ddb91a6dcba2b2a7a013ba51f3674ef1cbc584d6b442672841a4dbb0ec716",
                MigrationChecksum.of(load("a", ORIGINAL)));
    }

    @Test
    void reformattingTheSourceKeepsTheChecksum() {
        String reformatted = """
                package migrations;

                import dev.autogen.dsl.SchemaChanges;
                import dev.autogen.migrate.Migration;
                import dev.autogen.migrate.Revision;

                /** Reformatted by hand: comments, line breaks, a local variable. */
                @Revision(
                        id = "aaa111",
                        message = "init")
                public final class V0001_Init implements Migration {
                    private static final String USERS = "users";

                    @Override public void upgrade(SchemaChanges schema) {
                        // the first table
                        schema.execute("create table " + USERS
                                + " (id integer primary key)");
                    }

                    @Override
                    public void downgrade(SchemaChanges schema) { schema.execute("drop table " + USERS); }
                }
                """;
        assertEquals(MigrationChecksum.of(load("a", ORIGINAL)), MigrationChecksum.of(load("b", reformatted)));
    }

    @Test
    void editingAnOperationChangesTheChecksum() {
        String editedUpgrade = MigrationFiles.source("V0001_Init", "aaa111", null, "init",
                List.of("create table users (id bigint primary key)"), List.of("drop table users"));
        String editedDowngrade = MigrationFiles.source("V0001_Init", "aaa111", null, "init",
                List.of("create table users (id integer primary key)"), List.of("drop table if exists users"));
        String original = MigrationChecksum.of(load("a", ORIGINAL));
        assertNotEquals(original, MigrationChecksum.of(load("b", editedUpgrade)));
        assertNotEquals(original, MigrationChecksum.of(load("c", editedDowngrade)));
    }

    @Test
    void aLargeObjectWithoutALengthIsWrittenAsBeforeLengthsWereKept() {
        // an applied clob() keeps its checksum; a declared length is part of the text
        assertEquals("LargeObject[character=true]", new ColumnType.LargeObject(true).toString());
        assertEquals("LargeObject[character=false, length=255]", new ColumnType.LargeObject(false, 255L).toString());
    }
}
