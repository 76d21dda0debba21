package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import dev.autogen.sample.Tenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code autogen init}: writes {@code autogen.properties} and the migrations package directory from the options, and
 * the project it describes works with no further option (generate, apply, check on a real SQLite file); it never
 * overwrites a file and never writes a password, and a refused init leaves nothing behind.
 */
class CliInitTest {
    private Path project;

    @BeforeEach
    void scratch() throws Exception {
        project = ScratchDirectory.create("init");
    }

    @Test
    void scaffoldsAProjectThatTheOtherCommandsRunFromAlone() throws Exception {
        Path entities = Path.of(Tenant.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path database = project.resolve("app.db");
        CliRun init = CliRun.of("init", "--directory", project.toString(), "--url", "jdbc:sqlite:" + database,
                "--classpath", entities.toString(), "--packages", "dev.autogen.sample",
                "--migrations", project.resolve("src/main/java").toString(), "--migrations-package", "com.acme.db");
        assertEquals(0, init.exitCode(), init.toString());
        Path properties = project.resolve("autogen.properties");
        assertEquals(List.of("url=jdbc:sqlite:" + database, "classpath=" + entities, "packages=dev.autogen.sample",
                "migrations=" + project.resolve("src/main/java"), "migrations-package=com.acme.db"),
                settingLines(properties));
        Path packageDir = project.resolve("src/main/java/com/acme/db");
        assertTrue(Files.isDirectory(packageDir), init.toString());
        assertTrue(init.out().contains("Wrote autogen.properties"), init.out());
        assertTrue(init.out().contains("autogen -m \"initial schema\""), init.out());
        assertTrue(init.out().contains("autogen upgrade"), init.out());
        assertTrue(init.out().contains("autogen-runtime"), init.out());

        String config = properties.toString();
        CliRun generate = CliRun.of("--config", config, "-m", "initial schema", "--rev-id", "0a1b2c3d4e5f");
        assertEquals(0, generate.exitCode(), generate.toString());
        assertTrue(Files.isRegularFile(packageDir.resolve("V0001_InitialSchema.java")), generate.toString());
        CliRun upgrade = CliRun.of("--config", config, "upgrade");
        assertEquals(0, upgrade.exitCode(), upgrade.toString());
        CliRun check = CliRun.of("--config", config, "check");
        assertEquals(0, check.exitCode(), check.toString());
        assertTrue(tables(database).containsAll(List.of("tenants", "users", "agents", "autogen_version")),
                tables(database).toString());
    }

    @Test
    void theDefaultsAreAMavenProjectOnSqlite() throws Exception {
        CliRun init = CliRun.of("init", "--directory", project.toString(), "--packages", "com.acme.model");
        assertEquals(0, init.exitCode(), init.toString());
        assertEquals(List.of("url=jdbc:sqlite:autogen.db", "classpath=target/classes", "packages=com.acme.model",
                "migrations=src/main/java", "migrations-package=com.acme.model.migrations"),
                settingLines(project.resolve("autogen.properties")));
        assertTrue(Files.isDirectory(project.resolve("src/main/java/com/acme/model/migrations")));
    }

    @Test
    void refusesToOverwriteAnExistingFileAndWritesNothing() throws Exception {
        Path properties = project.resolve("autogen.properties");
        Files.writeString(properties, "url=jdbc:postgresql://prod/app\n");
        CliRun init = CliRun.of("init", "--directory", project.toString(), "--packages", "com.acme.model");
        assertEquals(2, init.exitCode(), init.toString());
        assertTrue(init.err().contains("already exists") && init.err().strip().lines().count() == 1, init.err());
        assertEquals("url=jdbc:postgresql://prod/app\n", Files.readString(properties));
        assertFalse(Files.exists(project.resolve("src")), "no directory may be created by a refused init");
    }

    @Test
    void neverWritesAPasswordAndNeedsValidPackages() throws Exception {
        CliRun password = CliRun.of("init", "--directory", project.toString(), "--packages", "com.acme.model",
                "--password", "s3cret");
        assertEquals(2, password.exitCode(), password.toString());
        assertTrue(password.err().contains("AUTOGEN_PASSWORD") && !password.err().contains("s3cret"), password.err());

        CliRun noPackages = CliRun.of("init", "--directory", project.toString());
        assertEquals(2, noPackages.exitCode(), noPackages.toString());
        assertTrue(noPackages.err().contains("--packages com.acme.model"), noPackages.err());

        CliRun badPackage = CliRun.of("init", "--directory", project.toString(), "--packages", "com.acme-model");
        assertEquals(2, badPackage.exitCode(), badPackage.toString());
        assertTrue(badPackage.err().contains("not a Java package name"), badPackage.err());

        try (var files = Files.list(project)) {
            assertEquals(List.of(), files.toList(), "a refused init writes nothing");
        }
    }

    private static List<String> settingLines(Path properties) throws Exception {
        return Files.readAllLines(properties).stream().filter(line -> !line.startsWith("#")).toList();
    }

    private static List<String> tables(Path database) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             ResultSet rs = connection.createStatement().executeQuery(
                     "select name from sqlite_schema where type = 'table' order by name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
