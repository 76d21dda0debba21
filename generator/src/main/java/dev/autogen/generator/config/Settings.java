package dev.autogen.generator.config;

import dev.autogen.hazard.HazardKind;
import dev.autogen.sql.Dialect;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a command needs to know about the project, resolved once from the command line, the environment,
 * {@code autogen.properties} and the embedded defaults (see {@link SettingsResolver}).
 *
 * @param classpath         where compiled entities are; empty means the generator's own classpath (the samples)
 * @param schema            the database schema to compare (PostgreSQL), or null for the connection's default
 * @param onlyMigrationsPackage the migrations directory is a source root shared with other code (Maven's
 *                          {@code src/main/java}): read only the sources in the migrations package's directory
 * @param lintAccept        hazard kinds the team accepts everywhere ({@code lint.accept}): {@code lint} lets them pass
 */
public record Settings(String url, String user, String password, List<Path> classpath, List<String> packages,
                       Path migrationsDir, String migrationsPackage, String schema, boolean verbose,
                       boolean onlyMigrationsPackage, Set<HazardKind> lintAccept) {

    public Settings {
        classpath = List.copyOf(classpath);
        packages = List.copyOf(packages);
        lintAccept = lintAccept == null || lintAccept.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(lintAccept));
    }

    /** Settings with the migrations directory read whole and no hazard kind accepted. */
    public Settings(String url, String user, String password, List<Path> classpath, List<String> packages,
                    Path migrationsDir, String migrationsPackage, String schema, boolean verbose) {
        this(url, user, password, classpath, packages, migrationsDir, migrationsPackage, schema, verbose, false,
                Set.of());
    }

    /** Settings that accept no hazard kind. */
    public Settings(String url, String user, String password, List<Path> classpath, List<String> packages,
                    Path migrationsDir, String migrationsPackage, String schema, boolean verbose,
                    boolean onlyMigrationsPackage) {
        this(url, user, password, classpath, packages, migrationsDir, migrationsPackage, schema, verbose,
                onlyMigrationsPackage, Set.of());
    }

    /** Settings with the migrations directory read whole. */
    public Settings(String url, String user, String password, List<Path> classpath, List<String> packages,
                    Path migrationsDir, String migrationsPackage, String schema, boolean verbose,
                    Set<HazardKind> lintAccept) {
        this(url, user, password, classpath, packages, migrationsDir, migrationsPackage, schema, verbose, false,
                lintAccept);
    }

    /**
     * Where the migration sources are read from: the migrations directory, or only its migrations package's
     * directory when the directory is shared with other code ({@link #onlyMigrationsPackage()}).
     */
    public Path migrationSources() {
        return onlyMigrationsPackage ? migrationsDir.resolve(migrationsPackage.replace('.', '/')) : migrationsDir;
    }

    public Dialect dialect() {
        try {
            return Dialect.fromJdbcUrl(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + " (--url or AUTOGEN_URL)");
        }
    }

    /** Masks the password, so that printing the settings (a log line, a debugger) never shows it. */
    @Override
    public String toString() {
        return "Settings[url=" + displayUrl() + ", user=" + user + ", password=" + (password == null ? null : "***")
                + ", classpath=" + classpath + ", packages=" + packages + ", migrationsDir=" + migrationsDir
                + ", migrationsPackage=" + migrationsPackage + ", schema=" + schema + ", verbose=" + verbose
                + ", onlyMigrationsPackage=" + onlyMigrationsPackage + ", lintAccept=" + lintAccept + "]";
    }

    /** The URL with any password parameter masked, for messages. Passwords are never printed. */
    public String displayUrl() {
        return Redaction.url(url);
    }
}
