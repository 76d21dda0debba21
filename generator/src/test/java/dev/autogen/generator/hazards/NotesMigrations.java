package dev.autogen.generator.hazards;

import dev.autogen.migrate.MigrationFiles;
import java.nio.file.Path;

/**
 * Two hand-written revisions for the hazard tests, in package {@code migrations}: {@code V0001_Notes} creates table
 * {@code notes}, {@code V0002_NoteBody} adds a nullable column {@code body}, whose reverse drops it (and its values).
 * {@link #dropBody} adds a third that drops it in the upgrade, with the given code after the drop (an
 * acknowledgement, or nothing). The sources come from {@link MigrationFiles#dslSource}.
 */
final class NotesMigrations {
    static final String FIRST = "aaaaaaaaaaa1";
    static final String SECOND = "aaaaaaaaaaa2";
    static final String THIRD = "aaaaaaaaaaa3";

    private NotesMigrations() {
    }

    static Path write(Path dir) {
        write(dir, "V0001_Notes", FIRST, null, "notes",
                "schema.createTable(table(\"notes\").column(column(\"id\", integer())).primaryKey(\"pk_notes\", \"id\"));",
                "schema.dropTable(table(\"notes\").column(column(\"id\", integer())).primaryKey(\"pk_notes\", \"id\"));");
        write(dir, "V0002_NoteBody", SECOND, FIRST, "note body",
                "schema.addColumn(\"notes\", column(\"body\", varchar(200)).nullable());",
                "schema.dropColumn(\"notes\", column(\"body\", varchar(200)).nullable());");
        return dir;
    }

    /** The third revision: drops {@code notes.body}, followed by {@code after} (e.g. an acknowledgement). */
    static void dropBody(Path dir, String after) {
        write(dir, "V0003_DropBody", THIRD, SECOND, "drop body",
                "schema.dropColumn(\"notes\", column(\"body\", varchar(200)).nullable())" + after + ";",
                "schema.addColumn(\"notes\", column(\"body\", varchar(200)).nullable());");
    }

    private static void write(Path dir, String className, String id, String parent, String message, String upgrade,
            String downgrade) {
        MigrationFiles.writeText(dir, className,
                MigrationFiles.dslSource(className, id, parent, message, upgrade, downgrade));
    }
}
