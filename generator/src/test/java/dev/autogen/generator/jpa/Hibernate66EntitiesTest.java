package dev.autogen.generator.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.hibernate.annotations.ColumnDefault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Entities compiled against Hibernate 6.6 and Jakarta Persistence 3.1 (a Spring Boot 3.5 application), with those
 * real jars on the class path given to the scanner (the build copies them to {@code target/hibernate-6.6}), are read by
 * autogen's Hibernate 7: the annotations resolve to autogen's own, and one Hibernate 7 removed is refused by name.
 */
class Hibernate66EntitiesTest {
    private static final Path JARS = Path.of("target", "hibernate-6.6").toAbsolutePath();
    private static final Path HIBERNATE_6 = JARS.resolve("hibernate-core.jar");
    private static final Path PERSISTENCE_3_1 = JARS.resolve("jakarta.persistence-api.jar");

    private static final String PRODUCT = """
            package com.acme.boot35;

            import jakarta.persistence.*;
            import org.hibernate.annotations.ColumnDefault;

            @Entity
            @Table(name = "product")
            public class Product {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                @Column(nullable = false, length = 80) String name;
                @ColumnDefault("0") @Column(nullable = false) int stock;
            }
            """;
    private static final String ARCHIVED = """
            package com.acme.boot35old;

            import jakarta.persistence.*;

            @Entity
            @org.hibernate.annotations.Where(clause = "archived = false")
            public class Archived {
                @Id Long id;
                boolean archived;
            }
            """;

    static Path work;

    @BeforeAll
    static void requireTheOldJars() throws IOException {
        assertTrue(Files.isRegularFile(HIBERNATE_6) && Files.isRegularFile(PERSISTENCE_3_1),
                "the build copies Hibernate 6.6 and Jakarta Persistence 3.1 to " + JARS + " (maven-dependency-plugin)");
        work = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"))),
                "hibernate66");
    }

    private static Path compileAgainstHibernate66(String name, String source) throws IOException {
        Path file = work.resolve(name + "-src").resolve(name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path classes = Files.createDirectories(work.resolve(name));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "21", "-proc:none", "-cp",
                HIBERNATE_6 + ":" + PERSISTENCE_3_1, "-d", classes.toString(), file.toString());
        assertEquals(0, rc, name + " must compile against Hibernate 6.6");
        return classes;
    }

    @Test
    void anEntityCompiledAgainstHibernate66IsReadWithAutogensHibernate() throws Exception {
        Path classes = compileAgainstHibernate66("Product", PRODUCT);

        List<Class<?>> found = EntityScanner.scan(List.of(classes, HIBERNATE_6, PERSISTENCE_3_1), List.of());

        assertEquals(List.of("com.acme.boot35.Product"), found.stream().map(Class::getName).toList());
        // the annotation is Hibernate 7's, not the 6.6 jar's copy: Hibernate 7 sees it
        assertNotNull(found.getFirst().getDeclaredField("stock").getAnnotation(ColumnDefault.class));
        Schema schema = HibernateModelReader.read(found, Dialect.POSTGRESQL);
        Table product = schema.table("product").orElseThrow();
        assertEquals(new ColumnType.Varchar(80), product.column("name").orElseThrow().type());
        Column stock = product.column("stock").orElseThrow();
        assertEquals("0", stock.defaultValue());
    }

    @Test
    void anAnnotationHibernate7RemovedIsRefusedByName() throws IOException {
        Path classes = compileAgainstHibernate66("Archived", ARCHIVED);

        EntityModelException e = assertThrows(EntityModelException.class,
                () -> EntityScanner.scan(List.of(classes, HIBERNATE_6, PERSISTENCE_3_1), List.of()));

        assertEquals("com.acme.boot35old.Archived uses @org.hibernate.annotations.Where, which Hibernate 7 removed"
                + " (use @SQLRestriction): change the entity before autogen can read it", e.getMessage());
    }
}
