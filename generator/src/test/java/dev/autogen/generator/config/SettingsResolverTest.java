package dev.autogen.generator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.sql.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Precedence, per setting: command-line option, then environment ({@code AUTOGEN_URL}, {@code AUTOGEN_USER},
 * {@code AUTOGEN_PASSWORD}), then the properties file ({@code --config}, else {@code ./autogen.properties}), then the
 * embedded default.
 */
class SettingsResolverTest {
    private static final Map<String, String> ENV = Map.of(
            "AUTOGEN_URL", "jdbc:postgresql://env/db", "AUTOGEN_USER", "env-user", "AUTOGEN_PASSWORD", "env-pw");
    private static final String FILE = """
            url=jdbc:postgresql://file/db
            user=file-user
            password=file-pw
            packages=com.acme.model, com.acme.billing
            migrations=db/migrations
            migrations-package=com.acme.db
            schema=app
            classpath=build/classes:lib/model.jar
            """;

    private Path dir;

    @BeforeEach
    void scratch() throws IOException {
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        dir = Files.createTempDirectory(tmp, "settings");
    }

    private static SettingsResolver.Options cli(String url, String user, String password) {
        return new SettingsResolver.Options(url, user, password, null, null, null, null, null, null, false);
    }

    private static final SettingsResolver.Options NONE = cli(null, null, null);

    @Test
    void theSampleClasspathVariableServesTheEmbeddedDefaultOnly() throws IOException {
        Map<String, String> launcher = Map.of("AUTOGEN_SAMPLE_CLASSPATH", "/repo/sample-entities/target/classes");
        Settings embedded = new SettingsResolver(launcher, dir).resolve(NONE);
        assertEquals(List.of(Path.of("/repo/sample-entities/target/classes")), embedded.classpath());
        assertEquals(List.of("dev.autogen.sample"), embedded.packages());

        // a project's own entities: the samples' location must not leak into its class path
        Files.writeString(dir.resolve("autogen.properties"), "classpath=build/classes\npackages=com.acme.model\n");
        Settings project = new SettingsResolver(launcher, dir).resolve(NONE);
        assertEquals(List.of(dir.resolve("build/classes")), project.classpath());
        assertEquals(List.of("com.acme.model"), project.packages());
    }

    @Test
    void defaultsWithNoConfigurationAtAll() {
        Settings settings = new SettingsResolver(Map.of(), dir).resolve(NONE);
        assertEquals("jdbc:sqlite:autogen.db", settings.url());
        assertEquals(Dialect.SQLITE, settings.dialect());
        assertNull(settings.user());
        assertNull(settings.password());
        assertEquals(List.of(), settings.classpath());
        assertEquals(List.of("dev.autogen.sample"), settings.packages());
        assertEquals(dir.resolve("migrations/src/main/java"), settings.migrationsDir());
        assertEquals("dev.autogen.sample.migrations", settings.migrationsPackage());
        assertNull(settings.schema());
        assertFalse(settings.verbose());
    }

    @Test
    void propertiesFileInTheWorkingDirectoryBeatsDefaults() throws IOException {
        Files.writeString(dir.resolve("autogen.properties"), FILE);
        Settings settings = new SettingsResolver(Map.of(), dir).resolve(NONE);
        assertEquals("jdbc:postgresql://file/db", settings.url());
        assertEquals("file-user", settings.user());
        assertEquals("file-pw", settings.password());
        assertEquals(List.of("com.acme.model", "com.acme.billing"), settings.packages());
        assertEquals(dir.resolve("db/migrations"), settings.migrationsDir());
        assertEquals("com.acme.db", settings.migrationsPackage());
        assertEquals("app", settings.schema());
        assertEquals(List.of(dir.resolve("build/classes"), dir.resolve("lib/model.jar")), settings.classpath());
    }

    @Test
    void environmentBeatsThePropertiesFile() throws IOException {
        Files.writeString(dir.resolve("autogen.properties"), FILE);
        Settings settings = new SettingsResolver(ENV, dir).resolve(NONE);
        assertEquals("jdbc:postgresql://env/db", settings.url());
        assertEquals("env-user", settings.user());
        assertEquals("env-pw", settings.password());
        // the environment only carries the connection; the rest still comes from the file
        assertEquals(List.of("com.acme.model", "com.acme.billing"), settings.packages());
    }

    @Test
    void commandLineBeatsTheEnvironment() throws IOException {
        Files.writeString(dir.resolve("autogen.properties"), FILE);
        Settings settings = new SettingsResolver(ENV, dir)
                .resolve(cli("jdbc:sqlite:cli.db", "cli-user", "cli-pw"));
        assertEquals("jdbc:sqlite:cli.db", settings.url());
        assertEquals("cli-user", settings.user());
        assertEquals("cli-pw", settings.password());
    }

    @Test
    void eachSettingFallsBackOnItsOwn() throws IOException {
        Files.writeString(dir.resolve("autogen.properties"), "password=file-pw\n");
        Settings settings = new SettingsResolver(Map.of("AUTOGEN_USER", "env-user"), dir)
                .resolve(cli("jdbc:sqlite:cli.db", null, null));
        assertEquals("jdbc:sqlite:cli.db", settings.url()); // option
        assertEquals("env-user", settings.user()); // environment
        assertEquals("file-pw", settings.password()); // file
    }

    @Test
    void blankEnvironmentValuesCountAsUnset() {
        Settings settings = new SettingsResolver(Map.of("AUTOGEN_URL", "  ", "AUTOGEN_USER", ""), dir).resolve(NONE);
        assertEquals("jdbc:sqlite:autogen.db", settings.url());
        assertNull(settings.user());
    }

    @Test
    void explicitConfigReplacesTheWorkingDirectoryFile() throws IOException {
        Files.writeString(dir.resolve("autogen.properties"), FILE);
        Path other = Files.writeString(dir.resolve("ci.properties"), "url=jdbc:sqlite:ci.db\n");
        Settings settings = new SettingsResolver(Map.of(), dir).resolve(
                new SettingsResolver.Options(null, null, null, null, null, null, null, null, Path.of("ci.properties"),
                        true));
        assertEquals("jdbc:sqlite:ci.db", settings.url());
        assertNull(settings.user()); // nothing read from ./autogen.properties
        assertEquals(List.of("dev.autogen.sample"), settings.packages());
        assertTrue(settings.verbose());
        assertTrue(Files.exists(other));
    }

    @Test
    void commandLineOptionsBeatTheFileForEverySetting() throws IOException {
        Files.writeString(dir.resolve("autogen.properties"), FILE);
        Settings settings = new SettingsResolver(Map.of(), dir).resolve(new SettingsResolver.Options(null, null, null,
                "/abs/classes", "org.shop", "/abs/migrations", "org.shop.db", "shop", null, false));
        assertEquals(List.of(Path.of("/abs/classes")), settings.classpath());
        assertEquals(List.of("org.shop"), settings.packages());
        assertEquals(Path.of("/abs/migrations"), settings.migrationsDir());
        assertEquals("org.shop.db", settings.migrationsPackage());
        assertEquals("shop", settings.schema());
    }

    @Test
    void migrationsPackageFollowsTheFirstEntityPackage() {
        Settings settings = new SettingsResolver(Map.of(), dir).resolve(new SettingsResolver.Options(null, null, null,
                null, " com.acme.model ,com.acme.billing,", null, null, null, null, false));
        assertEquals(List.of("com.acme.model", "com.acme.billing"), settings.packages());
        assertEquals("com.acme.model.migrations", settings.migrationsPackage());
    }

    @Test
    void classpathWithoutPackagesMeansEveryAnnotatedClassOnItWithMigrationsInFlywaysPackage() {
        Settings settings = new SettingsResolver(Map.of(), dir).resolve(
                new SettingsResolver.Options(null, null, null, "build/classes", null, null, null, null, null, false));
        assertEquals(List.of(), settings.packages());
        assertEquals(List.of(dir.resolve("build/classes")), settings.classpath());
        assertEquals("db.migration", settings.migrationsPackage());
    }

    @Test
    void missingConfigFileIsAUsageError() {
        UsageException e = assertThrows(UsageException.class, () -> new SettingsResolver(Map.of(), dir).resolve(
                new SettingsResolver.Options(null, null, null, null, null, null, null, null, Path.of("nope.properties"),
                        false)));
        assertTrue(e.getMessage().contains(dir.resolve("nope.properties").toString()), e.getMessage());
    }

    @Test
    void unknownKeyIsAUsageErrorNamingItAndTheKnownKeys() throws IOException {
        Files.writeString(dir.resolve("autogen.properties"), "urll=jdbc:sqlite:x.db\n");
        UsageException e = assertThrows(UsageException.class, () -> new SettingsResolver(Map.of(), dir).resolve(NONE));
        assertTrue(e.getMessage().startsWith("unknown key 'urll' in " + dir.resolve("autogen.properties")),
                e.getMessage());
        assertTrue(e.getMessage().contains("url, user, password"), e.getMessage());
    }

    @Test
    void unsupportedUrlIsAUsageErrorWhenTheDialectIsNeeded() {
        Settings settings = new SettingsResolver(Map.of(), dir).resolve(cli("jdbc:h2:mem:y", null, null));
        UsageException e = assertThrows(UsageException.class, settings::dialect);
        assertTrue(e.getMessage().contains("jdbc:h2:mem:y"), e.getMessage());
    }

    @Test
    void settingsNeverPrintThePassword() {
        Settings settings = new SettingsResolver(Map.of(), dir)
                .resolve(cli("jdbc:postgresql://h/db?password=url-secret", "u", "option-secret"));
        assertFalse(settings.toString().contains("secret"), settings.toString());
        assertEquals("jdbc:postgresql://h/db?password=***", settings.displayUrl());
    }
}
