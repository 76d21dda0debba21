package dev.autogen.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Writes migration sources the way the generator would, with raw-SQL operations only, for the migrator's tests. */
public final class MigrationFiles {
    private MigrationFiles() {
    }

    /** The text of a migration class in package {@code migrations}. */
    public static String source(String className, String id, String parent, String message, List<String> upgrade,
            List<String> downgrade) {
        String parentAttribute = parent == null ? "" : ", parent = \"" + parent + "\"";
        return """
                package migrations;

                import dev.autogen.dsl.SchemaChanges;
                import dev.autogen.migrate.Migration;
                import dev.autogen.migrate.Revision;

                @Revision(id = "%s"%s, message = "%s")
                public final class %s implements Migration {
                    @Override
                    public void upgrade(SchemaChanges schema) {
                %s    }

                    @Override
                    public void downgrade(SchemaChanges schema) {
                %s    }
                }
                """.formatted(id, parentAttribute, message, className, calls(upgrade), calls(downgrade));
    }

    /**
     * The text of a migration class in package {@code migrations} whose methods hold {@code upgrade} and
     * {@code downgrade} as written: DSL calls on {@code schema}, with {@code Dsl.*}, {@code HazardKind.*} (for
     * {@code acknowledge}) and {@code List} imported.
     */
    public static String dslSource(String className, String id, String parent, String upgrade, String downgrade) {
        return dslSource(className, id, parent, "", upgrade, downgrade);
    }

    /** {@link #dslSource(String, String, String, String, String)} with {@code message} as the revision's message. */
    public static String dslSource(String className, String id, String parent, String message, String upgrade,
            String downgrade) {
        return """
                package migrations;

                import static dev.autogen.dsl.Dsl.*;
                import static dev.autogen.hazard.HazardKind.*;

                import dev.autogen.dsl.SchemaChanges;
                import dev.autogen.migrate.Migration;
                import dev.autogen.migrate.Revision;
                import java.util.List;

                @Revision(id = "%s"%s, message = "%s")
                public final class %s implements Migration {
                    @Override
                    public void upgrade(SchemaChanges schema) {
                        %s
                    }

                    @Override
                    public void downgrade(SchemaChanges schema) {
                        %s
                    }
                }
                """.formatted(id, parent == null ? "" : ", parent = \"" + parent + "\"", message, className, upgrade,
                downgrade);
    }

    /** Writes {@code migrations/<className>.java} under {@code directory}. */
    public static Path write(Path directory, String className, String id, String parent, String message,
            List<String> upgrade, List<String> downgrade) {
        return writeText(directory, className, source(className, id, parent, message, upgrade, downgrade));
    }

    public static Path writeText(Path directory, String className, String text) {
        try {
            Path file = directory.resolve("migrations").resolve(className + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String calls(List<String> statements) {
        return statements.stream()
                .map(sql -> "        schema.execute(\"" + sql.replace("\\", "\\\\").replace("\"", "\\\"") + "\");\n")
                .collect(Collectors.joining());
    }
}
