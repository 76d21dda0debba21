package dev.autogen.generator.cli;

import dev.autogen.generator.testing.EntitySources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A one-entity project (table {@code gadget}: id and a 40-character label) in a scratch directory, compiled, with the
 * common command-line options that point autogen at it and at {@code url}: what the cache tests edit step by step.
 */
public record GadgetProject(EntitySources entities, Path migrations, List<String> common) {

    public static GadgetProject create(String url, String entityPackage, String hint) throws IOException {
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"))),
                hint);
        Path migrations = Files.createDirectories(work.resolve("migrations"));
        EntitySources entities = new EntitySources(work, entityPackage).put("Gadget", """
                package %s;

                import jakarta.persistence.*;

                @Entity
                @Table(name = "gadget")
                public class Gadget {
                    @Id
                    private Long id;

                    @Column(name = "label", length = 40, nullable = false)
                    private String label;
                }
                """.formatted(entityPackage));
        entities.compile();
        String migrationsPackage = entityPackage.substring(0, entityPackage.lastIndexOf('.')) + ".migrations";
        return new GadgetProject(entities, migrations, List.of("--url", url, "--classpath",
                entities.classes().toString(), "--packages", entityPackage, "--migrations", migrations.toString(),
                "--migrations-package", migrationsPackage));
    }
}
