package dev.autogen.generator.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.autogen.hazard.HazardKind;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Resolves {@link Settings}. For each setting the first of these wins: the command-line option, the environment
 * ({@code AUTOGEN_URL}, {@code AUTOGEN_USER}, {@code AUTOGEN_PASSWORD}), the properties file ({@code --config FILE},
 * else {@code autogen.properties} in the working directory when present), the embedded default.
 *
 * <p>The embedded default is the quick start: a SQLite file {@code autogen.db} in the working directory, the sample
 * entities ({@code dev.autogen.sample}) and their migrations in {@code migrations/src/main/java}, package
 * {@code dev.autogen.sample.migrations}. The sample entities are input like any user's entities, never part of the
 * tool (editing one must not rebuild the CLI): {@code ./autogen} compiles them and names their classes in
 * {@value #SAMPLE_CLASSPATH_VARIABLE}, which serves only that default (an explicit {@code --classpath} or
 * {@code --packages} ignores it); without it they are looked for on autogen's own class path (the tests). When entity
 * packages are given but no migrations package, the migrations package is {@code <first entity package>.migrations}.
 * A class path without packages means every annotated class on it (no packages in the settings), with migrations in
 * {@code db.migration}.
 */
public final class SettingsResolver {
    public static final String DEFAULT_URL = "jdbc:sqlite:autogen.db";
    public static final String SAMPLE_PACKAGE = "dev.autogen.sample";
    public static final String DEFAULT_MIGRATIONS_DIR = "migrations/src/main/java";
    public static final String SAMPLE_MIGRATIONS_PACKAGE = "dev.autogen.sample.migrations";
    /** Where the embedded default's sample entities are compiled to (set by {@code ./autogen}). */
    public static final String SAMPLE_CLASSPATH_VARIABLE = "AUTOGEN_SAMPLE_CLASSPATH";
    /** The migrations package when the entities are found by scanning the whole class path: Flyway's default. */
    public static final String SCANNED_MIGRATIONS_PACKAGE = "db.migration";
    private static final String PROPERTIES_FILE = "autogen.properties";

    private final Map<String, String> environment;
    private final Path workingDirectory;

    public SettingsResolver(Map<String, String> environment, Path workingDirectory) {
        this.environment = environment;
        this.workingDirectory = workingDirectory;
    }

    /** Options as given on the command line; null when not given. */
    public record Options(String url, String user, String password, String classpath, String packages,
                          String migrations, String migrationsPackage, String schema, Path config, boolean verbose,
                          boolean onlyMigrationsPackage, String acceptedTenantTables) {
        public Options(String url, String user, String password, String classpath, String packages,
                       String migrations, String migrationsPackage, String schema, Path config, boolean verbose) {
            this(url, user, password, classpath, packages, migrations, migrationsPackage, schema, config, verbose,
                    false, null);
        }

        public Options(String url, String user, String password, String classpath, String packages,
                       String migrations, String migrationsPackage, String schema, Path config, boolean verbose,
                       boolean onlyMigrationsPackage) {
            this(url, user, password, classpath, packages, migrations, migrationsPackage, schema, config, verbose,
                    onlyMigrationsPackage, null);
        }
    }

    public Settings resolve(Options cli) {
        Properties file = load(cli.config());
        String url = first(cli.url(), environment.get("AUTOGEN_URL"), file.getProperty("url"), DEFAULT_URL);
        String user = first(cli.user(), environment.get("AUTOGEN_USER"), file.getProperty("user"), null);
        String password = first(cli.password(), environment.get("AUTOGEN_PASSWORD"), file.getProperty("password"), null);
        Redaction.remember(url, password);
        String classpath = first(cli.classpath(), file.getProperty("classpath"), null);
        String packages = first(cli.packages(), file.getProperty("packages"), null);
        List<Path> classpathEntries = split(classpath, ":").stream().map(this::resolvePath).toList();
        List<String> packageList = split(packages, ",");
        if (packageList.isEmpty() && classpathEntries.isEmpty()) {
            packageList = List.of(SAMPLE_PACKAGE);
            classpathEntries = split(environment.get(SAMPLE_CLASSPATH_VARIABLE), ":").stream()
                    .map(this::resolvePath).toList();
        }
        // zero configuration (a class path, no packages): every annotated class on it, migrations where Flyway looks
        String defaultMigrationsPackage = packageList.isEmpty() ? SCANNED_MIGRATIONS_PACKAGE
                : packageList.equals(List.of(SAMPLE_PACKAGE)) ? SAMPLE_MIGRATIONS_PACKAGE
                : packageList.get(0) + ".migrations";
        String migrations = first(cli.migrations(), file.getProperty("migrations"), DEFAULT_MIGRATIONS_DIR);
        String migrationsPackage = first(cli.migrationsPackage(), file.getProperty("migrations-package"),
                defaultMigrationsPackage);
        String schema = first(cli.schema(), file.getProperty("schema"), null);
        boolean onlyMigrationsPackage = cli.onlyMigrationsPackage()
                || Boolean.parseBoolean(first(file.getProperty("only-migrations-package"), "false"));
        List<String> acceptedTenantTables = split(first(cli.acceptedTenantTables(),
                file.getProperty("accepted-tenant-tables"), null), ",");
        return new Settings(url, user, password, classpathEntries, packageList, resolvePath(migrations),
                migrationsPackage, schema, cli.verbose(), onlyMigrationsPackage,
                hazardKinds(file.getProperty("lint.accept"), "lint.accept"), acceptedTenantTables);
    }

    private Properties load(Path explicit) {
        Properties properties = new Properties();
        Path file = explicit != null ? resolvePath(explicit.toString()) : workingDirectory.resolve(PROPERTIES_FILE);
        if (explicit != null && !Files.isRegularFile(file)) {
            throw new UsageException("config file does not exist: " + file + " (check --config)");
        }
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UsageException("cannot read config file " + file + ": " + e.getMessage(), e);
            }
            for (String key : properties.stringPropertyNames()) {
                if (!KNOWN_KEYS.contains(key)) {
                    throw new UsageException("unknown key '" + key + "' in " + file + ": known keys are "
                            + String.join(", ", KNOWN_KEYS));
                }
            }
        }
        return properties;
    }

    private static final List<String> KNOWN_KEYS = List.of("url", "user", "password", "classpath", "packages",
            "migrations", "migrations-package", "schema", "only-migrations-package", "lint.accept",
            "accepted-tenant-tables");

    /**
     * Comma-separated hazard kinds ({@code DATA_LOSS,TABLE_REWRITE}) from {@code source} (a key or an option).
     *
     * @throws UsageException naming the unknown kind and the known ones
     */
    public static Set<HazardKind> hazardKinds(String value, String source) {
        Set<HazardKind> kinds = EnumSet.noneOf(HazardKind.class);
        for (String name : split(value, ",")) {
            try {
                kinds.add(HazardKind.parse(name));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage() + " (in " + source + ")");
            }
        }
        return kinds;
    }

    private Path resolvePath(String path) {
        return workingDirectory.resolve(path).normalize();
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static List<String> split(String value, String separator) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
