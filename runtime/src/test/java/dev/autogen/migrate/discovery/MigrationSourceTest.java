package dev.autogen.migrate.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.MigrationFiles;
import dev.autogen.op.ExecuteSql;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationSourceTest {
    @TempDir
    Path dir;

    private void writeThree() {
        // written out of order: the source must sort by class name
        MigrationFiles.write(dir, "V0002_AddPhone", "bbb222", "aaa111", "add phone",
                List.of("alter table users add column phone text"), List.of("alter table users drop column phone"));
        MigrationFiles.write(dir, "V0001_Init", "aaa111", null, "initial schema",
                List.of("create table users (id integer primary key)"), List.of("drop table users"));
        MigrationFiles.write(dir, "V0003_Orders", "ccc333", "bbb222", "orders",
                List.of("create table orders (id integer primary key)"), List.of("drop table orders"));
    }

    @Test
    void sourceDirectoryCompilesAndReadsRevisions() {
        writeThree();
        List<LoadedMigration> loaded = new SourceDirectoryMigrationSource(dir).load();

        assertEquals(List.of("migrations.V0001_Init", "migrations.V0002_AddPhone", "migrations.V0003_Orders"),
                loaded.stream().map(LoadedMigration::className).toList());
        LoadedMigration second = loaded.get(1);
        assertEquals("bbb222", second.id());
        assertEquals(List.of("aaa111"), second.parents());
        assertEquals("add phone", second.message());
        assertEquals(dir.resolve("migrations/V0002_AddPhone.java"), second.sourceFile());
        assertEquals(List.of(new ExecuteSql("alter table users add column phone text", null)),
                second.upgradeOperations());
        assertEquals(List.of(), loaded.get(0).parents());
    }

    @Test
    void helperClassesWithoutRevisionAreSkipped() throws IOException {
        writeThree();
        Files.writeString(dir.resolve("migrations/Names.java"),
                "package migrations; final class Names { static final String USERS = \"users\"; }");
        assertEquals(3, new SourceDirectoryMigrationSource(dir).load().size());
    }

    /**
     * Telling migrations from other classes initialises nothing but the migrations (a large migration's nested method
     * chunks are only verified when a step of theirs runs): a helper whose static initialiser would fail is skipped
     * without running it.
     */
    @Test
    void classesThatAreNoMigrationsAreNotInitialised() {
        writeThree();
        MigrationFiles.writeText(dir, "Boom", """
                package migrations;

                final class Boom {
                    static final int VALUE = Integer.parseInt("not a number");
                }
                """);
        List<LoadedMigration> loaded = new SourceDirectoryMigrationSource(dir).load();
        assertEquals(3, loaded.size());
        assertEquals(List.of(new ExecuteSql("create table orders (id integer primary key)", null)),
                loaded.get(2).upgradeOperations());
    }

    @Test
    void missingDirectory() {
        Path missing = dir.resolve("nope");
        var e = assertThrows(MigrationSourceException.class, () -> new SourceDirectoryMigrationSource(missing).load());
        assertEquals("migrations directory does not exist: " + missing + " — create it or pass --migrations",
                e.getMessage());
    }

    @Test
    void migrationWithoutRevision() {
        MigrationFiles.writeText(dir, "V0001_Init", """
                package migrations;

                public final class V0001_Init implements dev.autogen.migrate.Migration {
                    public void upgrade(dev.autogen.dsl.SchemaChanges schema) { }
                    public void downgrade(dev.autogen.dsl.SchemaChanges schema) { }
                }
                """);
        var e = assertThrows(MigrationSourceException.class, () -> new SourceDirectoryMigrationSource(dir).load());
        assertEquals("migration class migrations.V0001_Init (" + dir.resolve("migrations/V0001_Init.java")
                + ") has no @Revision annotation — add @Revision(id = \"...\", parent = \"...\")", e.getMessage());
    }

    @Test
    void compileErrorsNameFileAndLine() {
        MigrationFiles.writeText(dir, "V0001_Init", """
                package migrations;

                @dev.autogen.migrate.Revision(id = "aaa111")
                public final class V0001_Init implements dev.autogen.migrate.Migration {
                    public void upgrade(dev.autogen.dsl.SchemaChanges schema) {
                        schema.frobnicate("users");
                    }
                    public void downgrade(dev.autogen.dsl.SchemaChanges schema) { }
                }
                """);
        var e = assertThrows(MigrationSourceException.class, () -> new SourceDirectoryMigrationSource(dir).load());
        var cause = assertInstanceOf(CompilationException.class, e.getCause());
        assertEquals(1, cause.errors().size());
        String error = cause.errors().get(0);
        String prefix = dir.resolve("migrations/V0001_Init.java") + ":6: cannot find symbol";
        assertEquals(prefix, error.substring(0, Math.min(prefix.length(), error.length())));
        assertEquals("migration sources do not compile:\n  " + error, e.getMessage());
    }

    @Test
    void compilerAcceptsSourcesHeldInMemory() {
        var compiled = new JavaSourceCompiler().compileSources(java.util.Map.of("migrations/V0001_Init.java",
                MigrationFiles.source("V0001_Init", "aaa111", null, "init", List.of("select 1"), List.of())));
        assertEquals(List.of("migrations.V0001_Init"), compiled.classNames());
        assertEquals("migrations/V0001_Init.java", compiled.sourceOf("migrations.V0001_Init"));
        var e = assertThrows(CompilationException.class, () -> new JavaSourceCompiler()
                .compileSources(java.util.Map.of("p/Broken.java", "package p;\nclass Broken { int x = ; }")));
        assertEquals("p/Broken.java:2: illegal start of expression", e.errors().get(0));
    }

    @Test
    void classPathPackageInADirectory() throws Exception {
        Path classes = compileThreeTo(dir.resolve("classes"));
        try (var loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            List<LoadedMigration> loaded = new ClassPathMigrationSource(loader, "migrations").load();
            assertEquals(List.of("aaa111", "bbb222", "ccc333"), loaded.stream().map(LoadedMigration::id).toList());
            assertNull(loaded.get(0).sourceFile());
            assertEquals(List.of(new ExecuteSql("drop table orders", null)), loaded.get(2).downgradeOperations());
        }
    }

    @Test
    void classPathPackageInAJar() throws Exception {
        Path classes = compileThreeTo(dir.resolve("classes"));
        Path jar = dir.resolve("app.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.sorted().toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                if (name.isEmpty()) {
                    continue;
                }
                out.putNextEntry(new JarEntry(Files.isDirectory(file) ? name + "/" : name));
                if (Files.isRegularFile(file)) {
                    Files.copy(file, out);
                }
                out.closeEntry();
            }
        }
        try (var loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            List<LoadedMigration> loaded = new ClassPathMigrationSource(loader, "migrations").load();
            assertEquals(List.of("migrations.V0001_Init", "migrations.V0002_AddPhone", "migrations.V0003_Orders"),
                    loaded.stream().map(LoadedMigration::className).toList());
        }
    }

    @Test
    void missingPackage() {
        var e = assertThrows(MigrationSourceException.class,
                () -> new ClassPathMigrationSource(getClass().getClassLoader(), "no.such.migrations").load());
        assertEquals("migrations package no.such.migrations is not on the class path — check --migrations-package"
                + " and --classpath", e.getMessage());
    }

    private Path compileThreeTo(Path classes) throws IOException {
        Path sources = dir.resolve("src");
        Files.createDirectories(sources);
        MigrationFiles.write(sources, "V0001_Init", "aaa111", null, "initial schema",
                List.of("create table users (id integer primary key)"), List.of("drop table users"));
        MigrationFiles.write(sources, "V0002_AddPhone", "bbb222", "aaa111", "add phone",
                List.of("alter table users add column phone text"), List.of("alter table users drop column phone"));
        MigrationFiles.write(sources, "V0003_Orders", "ccc333", "bbb222", "orders",
                List.of("create table orders (id integer primary key)"), List.of("drop table orders"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        new JavaSourceCompiler().compile(files).writeTo(classes);
        return classes;
    }
}
