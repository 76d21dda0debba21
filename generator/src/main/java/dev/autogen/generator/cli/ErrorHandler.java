package dev.autogen.generator.cli;

import dev.autogen.generator.config.DatabaseException;
import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.jpa.EntityModelException;
import dev.autogen.migrate.discovery.CompilationException;
import dev.autogen.migrate.discovery.MigrationSourceException;
import dev.autogen.migrate.graph.RevisionGraphException;
import java.io.PrintWriter;
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
        commandLine.getErr().println("autogen: " + e.getMessage() + " (see: autogen "
                + subcommandPath(commandLine) + "--help)");
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        int code = exitCode(e);
        err.println("autogen: " + message(e));
        if (verbose(parseResult)) {
            e.printStackTrace(err);
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
            // a database or migration failure, and anything unforeseen: the database may need a look
            default -> ExitCodes.DATABASE;
        };
    }

    private static String message(Throwable e) {
        Throwable shown = e;
        // the migrator wraps connection failures; the inner message is the one that says what to do
        while (shown.getCause() instanceof DatabaseException) {
            shown = shown.getCause();
        }
        String text = shown.getMessage();
        if (text == null || text.isBlank()) {
            text = shown.getClass().getSimpleName();
        }
        String firstLine = text.strip().lines().findFirst().orElse(text);
        return firstLine;
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
