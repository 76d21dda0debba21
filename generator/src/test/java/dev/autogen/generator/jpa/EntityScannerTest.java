package dev.autogen.generator.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.Dialect;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityScannerTest {

    private static final String INVOICE = """
            package com.acme.billing;

            import jakarta.persistence.*;

            @Entity
            @Table(name = "invoices")
            public class Invoice {
                @Id @Column(name = "id") long id;
                @Column(name = "number", length = 30, nullable = false) String number;
            }
            """;

    /** Hibernate 6's {@code @Where}, which Hibernate 7 removed: on the class path of an entity compiled against 6.6. */
    private static final String WHERE = """
            package org.hibernate.annotations;

            import java.lang.annotation.*;

            @Retention(RetentionPolicy.RUNTIME)
            @Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
            public @interface Where {
                String clause();
            }
            """;

    private static final String LEGACY_ORDER = """
            package com.acme.legacy;

            import jakarta.persistence.*;

            @Entity
            public class LegacyOrder {
                @Id long id;
                @OneToMany @org.hibernate.annotations.Where(clause = "deleted = false") java.util.List<LegacyOrder> lines;
            }
            """;

    static Path work;
    static Path classes;
    static Path jar;
    static Path flatJar;

    /** Compiles an entity that is NOT on the test class path, as a user's build would. */
    @BeforeAll
    static void compileAnOutsideEntity() throws IOException, URISyntaxException {
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        work = Files.createTempDirectory(tmp, "entity-scanner");
        Path sources = Files.createDirectories(work.resolve("src/com/acme/billing"));
        Path source = Files.writeString(sources.resolve("Invoice.java"), INVOICE);
        classes = Files.createDirectories(work.resolve("classes"));
        String persistenceApi = Path.of(Entity.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "--release", "21", "-cp", persistenceApi, "-d", classes.toString(),
                source.toString());
        assertEquals(0, rc, "test entity must compile");
        jar = writeJar(work.resolve("billing.jar"), true);
        flatJar = writeJar(work.resolve("billing-flat.jar"), false);
    }

    /** A jar of the compiled classes; build tools write directory entries, some hand-made jars do not. */
    private static Path writeJar(Path target, boolean directoryEntries) throws IOException {
        try (OutputStream out = Files.newOutputStream(target); JarOutputStream jarOut = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(p -> !p.equals(classes)).sorted().toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                if (Files.isDirectory(file)) {
                    if (directoryEntries) {
                        jarOut.putNextEntry(new JarEntry(name + "/"));
                        jarOut.closeEntry();
                    }
                } else {
                    jarOut.putNextEntry(new JarEntry(name));
                    jarOut.write(Files.readAllBytes(file));
                    jarOut.closeEntry();
                }
            }
        }
        return target;
    }

    @Test
    void withNoClasspathTheSampleEntitiesAreFoundOnAutogensOwnClassPath() {
        List<String> names = EntityScanner.scan(List.of(), List.of("dev.autogen.sample")).stream()
                .map(Class::getName).toList();

        // the sample entities come from the sample-entities jar (or its classes directory in a reactor build);
        // the enums are not mapped types and are left out
        assertEquals(List.of("dev.autogen.sample.Agent", "dev.autogen.sample.Execution",
                "dev.autogen.sample.Organization", "dev.autogen.sample.Tenant", "dev.autogen.sample.User",
                "dev.autogen.sample.UserIdentity", "dev.autogen.sample.package-info"), names);
    }

    @Test
    void subpackagesAreScannedAndEmbeddablesIncluded() {
        List<String> names = EntityScanner.scan(List.of(), List.of("dev.autogen.generator.jpa.fixtures")).stream()
                .map(Class::getSimpleName).toList();

        assertEquals(List.of("NoId", "Article", "Key", "OrderLine", "QuotedOrder", "Tag", "TypeZoo"), names);
    }

    @Test
    void autoAppliedConvertersAreFoundAndGiveTheColumnItsConvertedType() {
        List<Class<?>> found = EntityScanner.scan(List.of(), List.of("dev.autogen.generator.jpa.converted"));

        // the Money record is not a mapped type and is left out
        assertEquals(List.of("MoneyConverter", "Product"), found.stream().map(Class::getSimpleName).toList());
        Column price = HibernateModelReader.read(found, Dialect.POSTGRESQL).table("product").orElseThrow()
                .column("price").orElseThrow();
        assertEquals(Column.of("price", new ColumnType.BigInt(), false), price);
        // without the converter registered, Hibernate maps the Serializable value as bytes: the diff would be wrong
        List<Class<?>> withoutConverter = found.stream().filter(c -> !c.getSimpleName().equals("MoneyConverter"))
                .toList();
        assertTrue(!HibernateModelReader.read(withoutConverter, Dialect.POSTGRESQL).table("product").orElseThrow()
                .column("price").orElseThrow().type().equals(new ColumnType.BigInt()));
    }

    @Test
    void aClassesDirectoryIsLoadedInItsOwnClassLoaderAndReadable() {
        List<Class<?>> found = EntityScanner.scan(List.of(classes), List.of("com.acme"));

        assertEquals(List.of("com.acme.billing.Invoice"), found.stream().map(Class::getName).toList());
        assertNotSame(getClass().getClassLoader(), found.getFirst().getClassLoader());
        Schema schema = HibernateModelReader.read(found, Dialect.POSTGRESQL);
        assertEquals(List.of(Table.of("invoices", List.of(
                        Column.of("id", new ColumnType.BigInt(), false),
                        Column.of("number", new ColumnType.Varchar(30), false)))
                .withPrimaryKey(new PrimaryKey("pk_invoices", List.of("id")))), schema.tables());
    }

    @Test
    void aJarIsScannedToo() {
        Schema schema = HibernateModelReader.read(List.of(jar), List.of("com.acme.billing"), Dialect.SQLITE);

        assertEquals(List.of("invoices"), schema.tables().stream().map(Table::name).toList());
    }

    @ParameterizedTest(name = "directory entries: {0}")
    @ValueSource(booleans = {true, false})
    void aJarOnAClassLoaderIsScannedWithOrWithoutDirectoryEntries(boolean directoryEntries) throws IOException {
        Path which = directoryEntries ? jar : flatJar;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {which.toUri().toURL()}, getClass().getClassLoader())) {
            List<Class<?>> found = EntityScanner.scan(loader, List.of("com.acme.billing"));

            assertEquals(List.of("com.acme.billing.Invoice"), found.stream().map(Class::getName).toList());
            assertEquals(loader, found.getFirst().getClassLoader());
        }
    }

    @Test
    void withNoPackagesEveryAnnotatedClassOnTheGivenClassPathIsFound() {
        List<Class<?>> found = EntityScanner.scan(List.of(classes, jar), List.of());

        assertEquals(List.of("com.acme.billing.Invoice"), found.stream().map(Class::getName).distinct().toList());
        assertEquals(List.of("com.acme.billing"), EntityScanner.entityPackages(found));
    }

    @Test
    void anAnnotationHibernate7RemovedIsOneLineNamingItAndTheClass() throws IOException, URISyntaxException {
        Path legacy = Files.createDirectories(work.resolve("legacy"));
        Path where = Files.createDirectories(legacy.resolve("src/org/hibernate/annotations"));
        Path order = Files.createDirectories(legacy.resolve("src/com/acme/legacy"));
        Path hibernate6 = Files.createDirectories(legacy.resolve("hibernate6-classes"));
        Path entities = Files.createDirectories(legacy.resolve("classes"));
        String persistenceApi = Path.of(Entity.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "--release", "21", "-d", hibernate6.toString(),
                Files.writeString(where.resolve("Where.java"), WHERE).toString()));
        assertEquals(0, javac.run(null, null, null, "--release", "21", "-cp", persistenceApi + ":" + hibernate6,
                "-d", entities.toString(), Files.writeString(order.resolve("LegacyOrder.java"), LEGACY_ORDER)
                        .toString()));

        EntityModelException e = assertThrows(EntityModelException.class,
                () -> EntityScanner.scan(List.of(entities, hibernate6), List.of()));

        assertEquals("com.acme.legacy.LegacyOrder uses @org.hibernate.annotations.Where, which Hibernate 7 removed"
                + " (use @SQLRestriction): change the entity before autogen can read it", e.getMessage());
    }

    @Test
    void noEntitiesInThePackagesIsOneLineSayingWhatToCheck() {
        EntityModelException e = assertThrows(EntityModelException.class,
                () -> EntityScanner.scan(List.of(classes), List.of("com.acme.model")));

        assertEquals("no entities found in packages [com.acme.model] on classpath [" + classes
                + "]: check --packages and --classpath", e.getMessage());
    }

    @Test
    void noEntitiesOnAutogensOwnClassPathSaysSoToo() {
        EntityModelException e = assertThrows(EntityModelException.class,
                () -> EntityScanner.scan(List.of(), List.of("dev.autogen.nothing")));

        assertEquals("no entities found in packages [dev.autogen.nothing] on classpath (autogen's own):"
                + " check --packages and --classpath", e.getMessage());
    }

    @Test
    void aMissingClasspathEntryIsNamed() {
        Path missing = work.resolve("no-such-dir");

        EntityModelException e = assertThrows(EntityModelException.class,
                () -> EntityScanner.scan(List.of(classes, missing), List.of("com.acme")));

        assertEquals("classpath entry does not exist: " + missing + ": check --classpath (compile the entities first)",
                e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1);
    }

    @Test
    void aFileThatIsNotAJarIsNamed() throws IOException {
        Path notAJar = Files.writeString(work.resolve("notes.txt"), "hello");

        EntityModelException e = assertThrows(EntityModelException.class,
                () -> EntityScanner.scan(List.of(notAJar), List.of("com.acme")));

        assertTrue(e.getMessage().startsWith("classpath entry is neither a directory nor a readable jar: " + notAJar),
                e.getMessage());
    }
}
