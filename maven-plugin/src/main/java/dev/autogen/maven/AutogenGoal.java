package dev.autogen.maven;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every autogen goal shares: the settings, turned into the command line's own options, and one run of the
 * command line (in {@link IsolatedGenerator}) whose exit code becomes the build's outcome. A goal adds nothing the
 * command line lacks: it only says which command to run and with which arguments.
 *
 * <p>Settings come from, first to last: {@code <configuration>} or {@code -Dautogen.*} properties, the environment
 * ({@code AUTOGEN_URL}, {@code AUTOGEN_USER}, {@code AUTOGEN_PASSWORD}), {@code autogen.properties} in the project's
 * directory, and the plugin's defaults: the entities on the project's compile class path (its own classes and its
 * dependencies), the migrations in package {@code db.migration} under {@code src/main/java} (Flyway's default
 * location), read from that package's directory only.
 */
abstract class AutogenGoal extends AbstractMojo {
    static final String DEFAULT_MIGRATIONS_PACKAGE = "db.migration";

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /** The project's compiled classes and its compile dependencies: where the entities are found. */
    @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true, required = true)
    List<String> classpathElements;

    /** The plugin's own jars, from which the isolated generator class loader is made. */
    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    List<Artifact> pluginArtifacts;

    /** The database (jdbc:postgresql://... or jdbc:sqlite:FILE); setting it makes {@code check} and {@code revision} use it. */
    @Parameter(property = "autogen.url")
    String url;

    @Parameter(property = "autogen.user")
    String user;

    /** Never printed; prefer the AUTOGEN_PASSWORD environment variable to a property on the command line. */
    @Parameter(property = "autogen.password")
    String password;

    /** Entity packages, comma-separated; default: every annotated class on the compile class path. */
    @Parameter(property = "autogen.packages")
    String packages;

    /** The package of the migrations (default {@code db.migration}). */
    @Parameter(property = "autogen.migrationsPackage")
    String migrationsPackage;

    /** The source root the migrations package is in (default {@code src/main/java}). */
    @Parameter(property = "autogen.migrations")
    File migrations;

    /** The PostgreSQL schema compared and migrated (default: the connection's current schema). */
    @Parameter(property = "autogen.schema")
    String schema;

    /** The properties file read as the command line reads it. */
    @Parameter(property = "autogen.config", defaultValue = "${project.basedir}/autogen.properties")
    File config;

    /** Stack traces on errors. */
    @Parameter(property = "autogen.verbose", defaultValue = "false")
    boolean verbose;

    /** Skips the goal. */
    @Parameter(property = "autogen.skip", defaultValue = "false")
    boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("autogen: skipped (autogen.skip)");
            return;
        }
        Properties file = properties();
        List<String> args = new ArrayList<>();
        option(args, "--url", url);
        option(args, "--user", user);
        option(args, "--password", password);
        option(args, "--schema", schema);
        option(args, "--packages", packages);
        args.add("--classpath");
        args.add(String.join(":", classpathElements));
        if (config.isFile()) {
            option(args, "--config", config.getAbsolutePath());
        }
        // the plugin's defaults only where neither the configuration nor autogen.properties says otherwise
        option(args, "--migrations", migrations != null ? migrations.getAbsolutePath()
                : file.containsKey("migrations") ? null : new File(basedir, "src/main/java").getAbsolutePath());
        option(args, "--migrations-package", migrationsPackage != null ? migrationsPackage
                : file.containsKey("migrations-package") ? null : DEFAULT_MIGRATIONS_PACKAGE);
        // src/main/java holds the application too: only the migrations package's sources are migrations
        args.add("--only-migrations-package");
        if (verbose) {
            args.add("--verbose");
        }
        args.addAll(command(file));
        run(args);
    }

    /** The command and its own arguments, after the common options. */
    abstract List<String> command(Properties file) throws MojoFailureException;

    /**
     * Whether a database is configured at all ({@code url}, {@code AUTOGEN_URL} or {@code url} in
     * {@code autogen.properties}); {@code check} and {@code revision} work offline when none is.
     */
    final boolean databaseConfigured(Properties file) {
        return url != null || System.getenv("AUTOGEN_URL") != null || file.containsKey("url");
    }

    private void run(List<String> args) throws MojoExecutionException, MojoFailureException {
        List<File> jars = new ArrayList<>();
        for (Artifact artifact : pluginArtifacts) {
            if (artifact.getFile() != null && artifact.getFile().getName().endsWith(".jar")) {
                jars.add(artifact.getFile());
            }
        }
        MavenLogWriter out = new MavenLogWriter(line -> getLog().info(line));
        MavenLogWriter err = new MavenLogWriter(line -> getLog().error(line));
        int code = IsolatedGenerator.run(jars, out, err, args);
        out.close();
        err.close();
        List<String> errors = err.lines();
        String reason = errors.isEmpty() ? "" : ": " + errors.get(errors.size() - 1);
        switch (code) {
            case 0 -> { }
            case 1 -> throw new MojoFailureException("autogen " + goal() + " found problems (listed above)" + reason);
            case 2 -> throw new MojoFailureException("autogen " + goal() + ": bad configuration or input" + reason);
            default -> throw new MojoExecutionException("autogen " + goal() + ": database or migration failure"
                    + reason);
        }
    }

    /** The goal's name, for messages. */
    abstract String goal();

    private Properties properties() throws MojoExecutionException {
        Properties properties = new Properties();
        if (config.isFile()) {
            try (Reader reader = Files.newBufferedReader(config.toPath())) {
                properties.load(reader);
            } catch (IOException e) {
                throw new MojoExecutionException("autogen: cannot read " + config + ": " + e.getMessage(), e);
            }
        }
        return properties;
    }

    static void option(List<String> args, String name, String value) {
        if (value != null && !value.isBlank()) {
            args.add(name);
            args.add(value.strip());
        }
    }
}
