package dev.autogen.generator.cli;

import dev.autogen.generator.config.DatabaseException;
import dev.autogen.generator.config.Redaction;
import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.jpa.EntityModelException;
import dev.autogen.migrate.EditedRevisionsException;
import dev.autogen.migrate.discovery.CompilationException;
import dev.autogen.migrate.discovery.MigrationSourceException;
import dev.autogen.migrate.graph.RevisionGraphException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and the exit code DESIGN.md §4 gives it. Stack traces appear only with
 * {@code --verbose}: a user needs to know what is wrong and what to do, not where in autogen it was noticed.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        commandLine.getErr().println("autogen: " + redact(oneLine(String.valueOf(e.getMessage())), commandLine)
                + " (see: autogen " + subcommandPath(commandLine) + "--help)");
        commandLine.getErr().flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        int code = exitCode(e);
        err.println("autogen: " + redact(message(e), commandLine));
        if (verbose(parseResult)) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(redact(trace.toString(), commandLine));
        }
        err.flush();
        return code;
    }

    static int exitCode(Throwable e) {
        return switch (e) {
            case UsageException u -> ExitCodes.USAGE;
            case EntityModelException m -> ExitCodes.USAGE;
            case MigrationSourceException s -> ExitCodes.USAGE;
            case CompilationException c -> ExitCodes.USAGE;
            case RevisionGraphException g -> ExitCodes.USAGE;
            // the migrations disagree with what was applied; nothing ran
            case EditedRevisionsException edited -> ExitCodes.USAGE;
            // a database or migration failure, and anything unforeseen: the database may need a look
            default -> ExitCodes.DATABASE;
        };
    }

    static String message(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // javac's report lists every error, each possibly on several lines: show the first, count the rest
            if (cause instanceof CompilationException compilation && !compilation.errors().isEmpty()) {
                List<String> errors = compilation.errors();
                return "migration sources do not compile: " + oneLine(errors.get(0))
                        + (errors.size() == 1 ? "" : " (and " + (errors.size() - 1) + " more error"
                        + (errors.size() == 2 ? "" : "s") + "; --verbose lists them)");
            }
        }
        Throwable shown = e;
        // the migrator wraps connection failures; the inner message is the one that says what to do
        while (shown.getCause() instanceof DatabaseException) {
            shown = shown.getCause();
        }
        String text = shown.getMessage();
        if (text == null || text.isBlank()) {
            text = shown.getClass().getSimpleName();
        }
        return oneLine(text);
    }

    /** The contract is one line: a multi-line message (a driver's detail, a statement) is joined, not cut. */
    static String oneLine(String text) {
        List<String> lines = text.strip().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (lines.isEmpty()) {
            return text.strip();
        }
        StringBuilder joined = new StringBuilder(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            joined.append(joined.charAt(joined.length() - 1) == ':' ? " " : "; ").append(line);
        }
        return joined.toString();
    }

    /** Masks the password however it was given, and any password in a URL, in whatever autogen prints. */
    private static String redact(String text, CommandLine commandLine) {
        List<String> secrets = commandLine.getCommandSpec().root().userObject() instanceof AutogenCommand root
                ? root.knownSecrets() : List.of();
        return Redaction.message(text, secrets);
    }

    private static boolean verbose(ParseResult parseResult) {
        for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static String subcommandPath(CommandLine commandLine) {
        StringBuilder path = new StringBuilder();
        for (CommandLine c = commandLine; c.getParent() != null; c = c.getParent()) {
            path.insert(0, c.getCommandName() + " ");
        }
        return path.toString();
    }
}
