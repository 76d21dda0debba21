package dev.autogen.generator.cli;

import dev.autogen.generator.config.RedactingOutputStream;
import dev.autogen.generator.config.Redaction;
import dev.autogen.generator.config.Settings;
import dev.autogen.generator.config.SettingsResolver;
import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.jpa.EntityLoadFailure;
import dev.autogen.generator.project.Project;
import dev.autogen.generator.project.RenamePrompt;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code autogen} command line (DESIGN.md §4). The options below are inherited by every subcommand, so they may
 * be given before or after the subcommand's name. {@code autogen -m MESSAGE} is short for
 * {@code autogen revision -m MESSAGE}.
 */
@Command(name = "autogen", mixinStandardHelpOptions = true, versionProvider = AutogenCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Generates reviewable Java migrations from JPA entities, and applies them.",
                "With no configuration it uses the embedded default: the sample entities and a SQLite file "
                        + "autogen.db in the working directory."},
        footer = {"", "Exit codes: 0 success; 1 check, validate or lint found a problem; 2 bad usage, configuration or input; "
                + "3 database or migration failure."})
public final class AutogenCommand implements Callable<Integer> {

    /** The subcommands, in the order help lists them (registered by {@link #commandLine(RenamePrompt, String...)}). */
    private static final List<Class<?>> SUBCOMMANDS = List.of(RevisionCommand.class, DiffCommand.class,
            CheckCommand.class, UpgradeCommand.class, DowngradeCommand.class, CurrentCommand.class,
            HistoryCommand.class, HeadsCommand.class, BranchesCommand.class, MergeCommand.class, RebaseCommand.class,
            SquashCommand.class, StampCommand.class, ValidateCommand.class, ShowCommand.class, RepairCommand.class,
            LintCommand.class, InitCommand.class, CompletionCommand.class, ErdCommand.class, ReviewCommand.class,
            DaemonCommand.class);

    /** Arguments that show or script every subcommand: with one of them, all are registered. */
    private static final Set<String> SHOWING_ALL = Set.of("-h", "--help", "help", "completion");

    @Spec
    CommandSpec spec;

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
            description = "Database: jdbc:postgresql://host/db, jdbc:mariadb://host/db or jdbc:sqlite:FILE (env AUTOGEN_URL; default jdbc:sqlite:autogen.db).")
    String url;

    @Option(names = "--user", scope = ScopeType.INHERIT, description = "Database user (env AUTOGEN_USER).")
    String user;

    @Option(names = "--password", scope = ScopeType.INHERIT, description = "Database password (env AUTOGEN_PASSWORD). Never printed.")
    String password;

    @Option(names = "--classpath", scope = ScopeType.INHERIT, paramLabel = "PATHS",
            description = "Where the compiled entities are: directories and jars, ':'-separated (default: autogen's own, i.e. the samples).")
    String classpath;

    @Option(names = "--packages", scope = ScopeType.INHERIT, paramLabel = "PKGS",
            description = "Entity packages, comma-separated (default: dev.autogen.sample).")
    String packages;

    @Option(names = "--migrations", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Migration sources directory (default: migrations/src/main/java).")
    String migrations;

    @Option(names = "--migrations-package", scope = ScopeType.INHERIT, paramLabel = "PKG",
            description = "Package of new migrations (default: <first entity package>.migrations).")
    String migrationsPackage;

    @Option(names = "--only-migrations-package", scope = ScopeType.INHERIT,
            description = "The migrations directory is a source root shared with other code (src/main/java): read only "
                    + "the sources of the migrations package in it.")
    boolean onlyMigrationsPackage;

    @Option(names = "--schema", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Database schema to compare (PostgreSQL; default: the connection's current schema).")
    String schema;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Properties file with the options above (default: ./autogen.properties when present).")
    Path config;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces on errors.")
    boolean verbose;

    @Option(names = "--accepted-tenant-tables", scope = ScopeType.INHERIT, paramLabel = "TABLES",
            description = "Tables whose tenant_id without row-level security is intended (comma-separated): no hint"
                    + " for them (property accepted-tenant-tables).")
    String acceptedTenantTables;

    @Option(names = {"-m", "--message"}, paramLabel = "MESSAGE",
            description = "Autogenerate a revision with this message (same as: revision -m MESSAGE).")
    String message;

    @Option(names = "--rev-id", paramLabel = "ID", description = "With -m: use this revision id instead of a random one.")
    String revisionId;

    @Option(names = "--offline", description = "With -m: no database; plan against the schema the migrations build.")
    boolean offline;

    @Option(names = "--online", description = "With -m, PostgreSQL: mark every operation that has an online form"
            + " .online(), not only those on tables that hold rows.")
    boolean online;

    @Option(names = "--dialect", paramLabel = "DIALECT",
            description = "With -m --offline: postgresql, mariadb or sqlite (default: the --url's).")
    String dialect;

    @Option(names = "--phased", description = "With -m: split a breaking change (column rename, type change, new NOT"
            + " NULL column, dropped column or table) into an expand revision and a contract revision that waits for"
            + " upgrade --contract (docs/zero-downtime.md).")
    boolean phased;

    @Override
    public Integer call() {
        if (message == null && revisionId != null) {
            throw new UsageException("--rev-id needs a message: autogen -m MESSAGE --rev-id " + revisionId);
        }
        if (message == null && (offline || dialect != null)) {
            throw new UsageException("--offline and --dialect before no command need a message: autogen -m MESSAGE"
                    + " --offline, or put them after the command (autogen check --offline)");
        }
        if (message == null && online) {
            throw new UsageException("--online before no command needs a message: autogen -m MESSAGE --online, or"
                    + " put it after the command (autogen upgrade --online)");
        }
        if (message == null && phased) {
            throw new UsageException("--phased needs a message: autogen -m MESSAGE --phased");
        }
        if (message == null) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return ExitCodes.OK;
        }
        return RevisionCommand.generate(project(), message, false, revisionId, offline, dialect, online, phased,
                spec.commandLine().getOut());
    }

    /** Who answers rename questions; null for the terminal when there is one. */
    private RenamePrompt renamePrompt;

    /** Set once the settings are resolved, so that errors can mask the password whichever source gave it. */
    private Settings settings;

    /** The project the options describe; every subcommand builds it from here. */
    Project project() {
        if ((message != null || revisionId != null || offline || dialect != null || online)
                && spec.commandLine().getParseResult().hasSubcommand()) {
            // picocli runs only the subcommand: without this, "autogen -m x upgrade" would drop the message silently
            throw new UsageException("-m, --rev-id, --offline and --dialect before a command mean autogenerate; pass them after "
                    + "'revision' instead (autogen revision -m MESSAGE) or drop the command");
        }
        SettingsResolver resolver = new SettingsResolver(System.getenv(), Path.of("").toAbsolutePath());
        settings = resolver.resolve(new SettingsResolver.Options(url, user, password, classpath, packages,
                migrations, migrationsPackage, schema, config, verbose, onlyMigrationsPackage, acceptedTenantTables));
        Project project = new Project(settings, renamePrompt != null ? renamePrompt : RenamePrompt.terminal());
        return createsDatabase() ? project : project.readOnlyDatabase();
    }

    /** The commands that may create a missing SQLite file: upgrade, stamp and revision ({@code -m}); not the others. */
    private static final Set<String> CREATING_COMMANDS = Set.of("upgrade", "stamp", "revision");

    private boolean createsDatabase() {
        ParseResult command = spec.commandLine().getParseResult();
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        return command.commandSpec() == spec ? message != null
                : CREATING_COMMANDS.contains(command.commandSpec().name());
    }

    /**
     * The secrets to keep out of messages: the resolved password and URL passwords, else the options' and the
     * environment's.
     */
    List<String> knownSecrets() {
        if (settings != null) {
            return Redaction.secretsOf(settings.url(), settings.password());
        }
        return Redaction.secretsOf(url != null ? url : System.getenv("AUTOGEN_URL"),
                password != null ? password : System.getenv("AUTOGEN_PASSWORD"));
    }

    public static void main(String[] args) {
        // first, before a logger or a driver captures the streams: nothing printed can show a password
        Redaction.rememberForThisProcess();
        System.setOut(RedactingOutputStream.wrap(System.out));
        System.setErr(RedactingOutputStream.wrap(System.err));
        if (!List.of(args).contains("--verbose")) {
            // drivers log warnings through java.util.logging to stderr (pgjdbc: "JDBC URL port ... not valid");
            // errors are one line, so that chatter is only wanted with --verbose
            Logger.getLogger("").setLevel(Level.OFF);
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this directly). */
    public static int run(String... args) {
        return commandLine(null, args).execute(args);
    }

    /**
     * Runs the command line with its output and errors going to {@code out} and {@code err}, and returns the exit
     * code. This is the entry point of hosts that load autogen in a class loader of their own (the Maven plugin): its
     * signature has JDK types only, so it can be called across class loaders.
     */
    public static int run(Writer out, Writer err, String... args) {
        CommandLine commandLine = commandLine(null, args);
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        commandLine.setOut(outWriter);
        commandLine.setErr(errWriter);
        try {
            return commandLine.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /**
     * Whether {@code args} ask for {@code check} and nothing else: what the check daemon may answer for a client
     * ({@code -m check}, another command, or arguments that do not parse are the client's own to run, so that their
     * prompts, files and errors are what they always were).
     */
    public static boolean asksForCheckOnly(String... args) {
        try {
            ParseResult parsed = commandLine(null, args).parseArgs(args);
            return parsed.hasSubcommand() && !parsed.subcommand().hasSubcommand()
                    && parsed.subcommand().commandSpec().name().equals("check");
        } catch (CommandLine.ParameterException e) {
            return false;
        }
    }

    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /** The command line with {@code renamePrompt} answering rename questions (tests), or null for the terminal. */
    public static CommandLine commandLine(RenamePrompt renamePrompt) {
        return commandLine(renamePrompt, (String[]) null);
    }

    /**
     * The command line that runs {@code args} (null: any arguments), with only the subcommands they name registered
     * (all of them when they name none, or ask for help or a completion script): picocli builds each registered
     * subcommand's model from its annotations, 50 ms of a no-op {@code check}'s critical path for all 21. A subcommand
     * named by an option's value ({@code -m check}) is registered too, which is harmless.
     */
    static CommandLine commandLine(RenamePrompt renamePrompt, String... args) {
        AutogenCommand command = new AutogenCommand();
        command.renamePrompt = renamePrompt;
        CommandLine commandLine = new CommandLine(command);
        List<String> given = args == null ? List.of() : List.of(args);
        List<Class<?>> named = SUBCOMMANDS.stream()
                .filter(type -> given.contains(type.getAnnotation(Command.class).name())).toList();
        boolean all = args == null || named.isEmpty() || given.stream().anyMatch(SHOWING_ALL::contains);
        for (Class<?> subcommand : all ? SUBCOMMANDS : named) {
            commandLine.addSubcommand(subcommand);
        }
        ErrorHandler handler = new ErrorHandler();
        commandLine.setExecutionExceptionHandler(handler);
        commandLine.setParameterExceptionHandler(handler);
        commandLine.setExecutionStrategy(parseResult -> {
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (LinkageError e) {
                // a class missing from --classpath that surfaced outside the entity reader: still bad input, exit 2
                throw new CommandLine.ExecutionException(commandLine, String.valueOf(e), EntityLoadFailure.explained(e));
            }
        });
        return commandLine;
    }

    /** The version from the jar manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = AutogenCommand.class.getPackage().getImplementationVersion();
            return new String[] {"autogen " + (version == null ? "(development build)" : version)};
        }
    }
}
