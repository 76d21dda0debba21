package dev.autogen.generator.cli;

import dev.autogen.generator.config.UsageException;
import dev.autogen.sql.Dialect;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code autogen init}: the first minute in one's own project. It writes {@code autogen.properties} from the options
 * given (so every later command needs none), creates the migrations package directory, and prints the next commands.
 * It never overwrites a file (an existing {@code autogen.properties} is refused before anything is written) and never
 * writes a password into a file that gets committed.
 */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scaffolds a project: writes autogen.properties from --url, --classpath, --packages, "
                + "--migrations, --migrations-package and --schema, creates the migrations package directory, and "
                + "prints the next commands. Refuses to overwrite an existing file.",
                "Defaults: --url jdbc:sqlite:autogen.db, --classpath target/classes, --migrations src/main/java, "
                + "--migrations-package <first entity package>.migrations; --packages is required."})
final class InitCommand implements Callable<Integer> {
    private static final Pattern PACKAGE = Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
            + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--directory", paramLabel = "DIR",
            description = "The project's directory, where autogen will run (default: the working directory).")
    Path directory = Path.of("");

    @Override
    public Integer call() {
        if (root.password != null) {
            throw new UsageException("autogen init never writes a password into autogen.properties (it gets "
                    + "committed): drop --password and set AUTOGEN_PASSWORD in the environment instead");
        }
        if (root.packages == null || root.packages.isBlank()) {
            throw new UsageException("autogen init needs the packages of your entities: "
                    + "autogen init --packages com.acme.model");
        }
        List<String> packages = Arrays.stream(root.packages.split(",")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList();
        for (String pkg : packages) {
            requirePackage(pkg, "--packages");
        }
        String url = value(root.url, "jdbc:sqlite:autogen.db");
        try {
            Dialect.fromJdbcUrl(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + " (--url)");
        }
        String migrationsPackage = value(root.migrationsPackage, packages.get(0) + ".migrations");
        requirePackage(migrationsPackage, "--migrations-package");
        String migrations = value(root.migrations, "src/main/java");
        String classpath = value(root.classpath, "target/classes");

        Path project = directory.toAbsolutePath().normalize();
        Path properties = root.config != null ? project.resolve(root.config).normalize()
                : project.resolve("autogen.properties");
        if (Files.exists(properties)) {
            throw new UsageException(properties + " already exists: edit it, or remove it and run autogen init again;"
                    + " nothing was written");
        }
        Path packageDir = project.resolve(migrations).resolve(migrationsPackage.replace('.', '/')).normalize();
        if (Files.exists(packageDir) && !Files.isDirectory(packageDir)) {
            throw new UsageException(packageDir + " exists and is not a directory: choose another --migrations or "
                    + "--migrations-package; nothing was written");
        }
        String text = "# autogen's settings (written by autogen init): each key is also an option (--url, --packages...),\n"
                + "# which wins over it. Never put the password here: set AUTOGEN_PASSWORD in the environment.\n"
                + line("url", url) + line("user", root.user) + line("classpath", classpath)
                + line("packages", String.join(",", packages)) + line("migrations", migrations)
                + line("migrations-package", migrationsPackage) + line("schema", root.schema);
        boolean packageDirExisted = Files.isDirectory(packageDir);
        try {
            Files.createDirectories(packageDir);
            Files.writeString(properties, text, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UsageException("cannot write " + properties + " (" + e + "): check the directory's permissions", e);
        }

        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote " + project.relativize(properties) + " (database " + url + ", entities "
                + String.join(", ", packages) + " compiled to " + classpath + ").");
        out.println((packageDirExisted ? "Migrations go to the existing " : "Created ")
                + project.relativize(packageDir) + "/" + (packageDirExisted ? "." : " for the migrations."));
        out.println("Next:");
        if (!project.equals(Path.of("").toAbsolutePath().normalize())) {
            out.println("  cd " + project);
        }
        out.println("  mvn compile                     # or: gradle classes (then classpath=build/classes/java/main)");
        out.println("  autogen -m \"initial schema\"     # the first migration, into " + project.relativize(packageDir)
                + "/");
        out.println("  autogen upgrade                 # applies it to the database");
        out.println("  autogen check                   # exit 0: the database matches the entities");
        out.println("The migrations compile with your application: add dev.autogen:autogen-runtime to its "
                + "dependencies (see docs/install.md).");
        out.flush();
        return ExitCodes.OK;
    }

    private static void requirePackage(String name, String option) {
        if (!PACKAGE.matcher(name).matches()) {
            throw new UsageException("'" + name + "' is not a Java package name (" + option + ", e.g. com.acme.model)");
        }
    }

    private static String value(String given, String fallback) {
        return given == null || given.isBlank() ? fallback : given.strip();
    }

    /** A properties line, or nothing for an unset value; values that would break the file are refused. */
    private static String line(String key, String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        if (value.chars().anyMatch(c -> c < 0x20)) {
            throw new UsageException("the value of " + key + " contains a control character: pass it on one line");
        }
        return key + "=" + value.strip().replace("\\", "\\\\") + "\n";
    }
}
