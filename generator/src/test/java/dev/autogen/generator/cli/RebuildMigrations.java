package dev.autogen.generator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hand-written migrations (in a scratch directory) that exercise what the sample migrations do not: a SQLite table
 * rebuild (a column made NOT NULL with a default), per-dialect SQL and a Java data step.
 */
final class RebuildMigrations {
    private RebuildMigrations() {
    }

    /** Writes the migrations under {@code dir} and returns it (the {@code --migrations} directory). */
    static Path write(Path dir) throws IOException {
        Path pkg = Files.createDirectories(dir.resolve("com/acme/db"));
        Files.writeString(pkg.resolve("V0001_Notes.java"), """
                package com.acme.db;

                import static dev.autogen.dsl.Dsl.*;

                import dev.autogen.dsl.SchemaChanges;
                import dev.autogen.migrate.Migration;
                import dev.autogen.migrate.Revision;

                @Revision(id = "a10000000001", message = "notes")
                public final class V0001_Notes implements Migration {
                    public void upgrade(SchemaChanges schema) {
                        schema.createTable(table("notes")
                                .column(column("id", integer()))
                                .column(column("body", varchar(100)).nullable())
                                .column(column("slug", varchar(100)).nullable())
                                .primaryKey("pk_notes", "id"));
                        schema.createIndex("ix_notes_body", "notes", "body");
                    }

                    public void downgrade(SchemaChanges schema) {
                        schema.dropTable("notes");
                    }
                }
                """);
        Files.writeString(pkg.resolve("V0002_NotesData.java"), """
                package com.acme.db;

                import static dev.autogen.dsl.Dsl.*;

                import dev.autogen.dsl.SchemaChanges;
                import dev.autogen.migrate.Migration;
                import dev.autogen.migrate.Revision;

                @Revision(id = "a20000000002", parent = "a10000000001", message = "notes data")
                public final class V0002_NotesData implements Migration {
                    public void upgrade(SchemaChanges schema) {
                        schema.execute(sql()
                                .postgres("insert into notes (id, body) values (1, 'hello'), (2, 'bye')")
                                .sqlite("insert into notes (id, body) values (1, 'hello'), (2, 'bye')"));
                        schema.alterColumn("notes", column("body", varchar(100)).nullable(),
                                column("body", varchar(100)).defaultValue("''"));
                        schema.run("fill slugs", connection -> {
                            try (var st = connection.createStatement()) {
                                st.executeUpdate("update notes set slug = body || case id when 1 then '-world'"
                                        + " else '-now' end");
                            }
                        });
                    }

                    public void downgrade(SchemaChanges schema) {
                        schema.alterColumn("notes", column("body", varchar(100)).defaultValue("''"),
                                column("body", varchar(100)).nullable());
                        schema.execute(sql().otherwise("delete from notes"));
                    }
                }
                """);
        return dir;
    }
}
