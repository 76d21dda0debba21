package dev.autogen.generator.cli;

import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.diff.OperationText;
import dev.autogen.generator.project.Autogenerate;
import dev.autogen.generator.project.Project;
import dev.autogen.generator.project.RevisionWriter.WrittenRevision;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "revision", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a new migration: what the database lacks to match the entities (autogenerate), "
                + "or an empty one with --empty.",
                "Refuses to run unless the database is at the head revision."})
final class RevisionCommand implements Callable<Integer> {
    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--message"}, required = true, paramLabel = "MESSAGE", description = "What the revision does.")
    String message;

    @Option(names = "--empty", description = "Write a revision with no operations, for hand-written changes.")
    boolean empty;

    @Option(names = "--autogenerate", description = "Compare entities and database (the default; kept for Alembic habits).")
    boolean autogenerate;

    @Option(names = "--rev-id", paramLabel = "ID", description = "Use this revision id instead of a random one.")
    String revisionId;

    @Option(names = "--offline", description = "No database: plan against the schema the migrations build (as check --offline).")
    boolean offline;

    @Option(names = "--dialect", paramLabel = "DIALECT",
            description = "With --offline: postgresql, mariadb or sqlite (default: the --url's).")
    String dialect;

    @Option(names = "--online", description = "PostgreSQL: mark every operation that has an online form .online(),"
            + " not only those on tables that hold rows.")
    boolean online;

    @Option(names = "--phased", description = "Split a breaking change (column rename, type change, new NOT NULL"
            + " column, dropped column or table) into an expand revision and a contract revision that waits for"
            + " upgrade --contract (docs/zero-downtime.md).")
    boolean phased;

    @Override
    public Integer call() {
        return generate(root.project(), message, empty, revisionId, offline, dialect, online, phased,
                spec.commandLine().getOut());
    }

    static int generate(Project project, String message, boolean empty, String revisionId, boolean offline,
                        String dialect, boolean online, boolean phased, PrintWriter out) {
        if (dialect != null && !offline) {
            throw new UsageException("--dialect only applies to --offline: add --offline");
        }
        if (phased && (offline || empty)) {
            throw new UsageException("--phased splits what the database lacks into expand and contract: drop "
                    + (offline ? "--offline" : "--empty"));
        }
        if (online && offline) {
            throw new UsageException("--online needs the database (it marks operations on tables that hold rows"
                    + " too): drop --offline, or add .online() to the written migration by hand");
        }
        Autogenerate.Outcome outcome = offline
                ? Autogenerate.generateOffline(project, message, empty, revisionId,
                        OfflineSqlOptions.dialect(dialect, project))
                : Autogenerate.generate(project, message, empty, revisionId, online, phased);
        printHints(out, outcome.hints());
        Optional<WrittenRevision> written = outcome.written();
        if (written.isEmpty()) {
            out.println((offline ? "No changes: the migrations already build what the entities in "
                    + String.join(", ", project.entityPackages()) + " map"
                    : "No changes: the database already matches the entities in "
                    + String.join(", ", project.entityPackages())) + "; no migration written.");
            return ExitCodes.OK;
        }
        if (outcome.contract().isPresent()) {
            printPhased(out, written.get(), outcome);
            return ExitCodes.OK;
        }
        if (phased) {
            out.println("No breaking change: --phased writes one ordinary revision.");
        }
        WrittenRevision revision = written.get();
        Path shown = relative(revision.file());
        int operations = revision.upgrade().size();
        out.println("Generated " + shown + " (revision " + revision.id() + ", " + (operations == 0
                ? "empty: write its upgrade() and downgrade())."
                : operations + " operation" + (operations == 1 ? "" : "s") + "):"));
        printPlan(out, revision.upgrade(), outcome.hazards(), null, revision.online());
        out.println("Review it, then apply it with: autogen upgrade");
        out.flush();
        return ExitCodes.OK;
    }

    /** The two halves of {@code --phased}, each with its plan, and the order to run them in. */
    private static void printPhased(PrintWriter out, WrittenRevision expand, Autogenerate.Outcome outcome) {
        WrittenRevision contract = outcome.contract().orElseThrow();
        out.println("Generated " + relative(expand.file()) + " (revision " + expand.id() + ", expand: the running"
                + " application survives it):");
        printPlan(out, expand.upgrade(), outcome.hazards(), null, expand.online());
        out.println("Generated " + relative(contract.file()) + " (revision " + contract.id() + ", contract: waits for"
                + " autogen upgrade --contract):");
        printPlan(out, contract.upgrade(), outcome.contractHazards(), null, contract.online());
        out.println("Review them, then: autogen upgrade (expand), deploy the new version everywhere, then"
                + " autogen upgrade --contract");
        out.flush();
    }

    static void printPlan(PrintWriter out, List<dev.autogen.op.Operation> plan,
                          java.util.Map<Integer, List<dev.autogen.hazard.Hazard>> hazards) {
        printPlan(out, plan, hazards, null);
    }

    static void printPlan(PrintWriter out, List<dev.autogen.op.Operation> plan,
                          java.util.Map<Integer, List<dev.autogen.hazard.Hazard>> hazards, List<String> because) {
        printPlan(out, plan, hazards, because, java.util.Set.of());
    }

    /**
     * Each operation with its hazards above it and, when {@code because} is given, its explanation below it; those at
     * {@code online} end in {@code [online]} (written with {@code .online()}, see {@link
     * dev.autogen.generator.project.OnlineMarks}).
     */
    static void printPlan(PrintWriter out, List<dev.autogen.op.Operation> plan,
                          java.util.Map<Integer, List<dev.autogen.hazard.Hazard>> hazards, List<String> because,
                          java.util.Set<Integer> online) {
        for (int i = 0; i < plan.size(); i++) {
            for (dev.autogen.hazard.Hazard hazard : hazards.getOrDefault(i, List.of())) {
                out.println("  ! " + hazard.line());
            }
            out.println("  " + OperationText.line(plan.get(i)) + (online.contains(i) ? " [online]" : ""));
            if (because != null) {
                out.println("      because: " + because.get(i));
            }
        }
    }

    /** The tables autogen leaves alone ({@code hint: unmanaged table ...}), before anything else is printed. */
    static void printHints(PrintWriter out, List<String> hints) {
        for (String hint : hints) {
            out.println("hint: " + hint);
        }
    }

    static Path relative(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        return file.startsWith(cwd) ? cwd.relativize(file) : file;
    }
}
