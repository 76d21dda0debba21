package dev.autogen.generator.cli;

import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.project.Project;
import dev.autogen.migrate.MigrationException;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.migrate.offline.OfflineScript;
import dev.autogen.sql.Dialect;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * {@code --sql}, {@code --from} and {@code --dialect} of {@code upgrade} and {@code downgrade}: print the script
 * instead of connecting ({@link OfflineScript}). Where the database starts is {@code --from REV} or Alembic's
 * {@code FROM:TARGET}; the dialect is {@code --dialect}, else the URL's (which is never opened).
 */
final class OfflineSqlOptions {
    @Option(names = "--sql", description = "Print the SQL script (version-table statements included) instead of "
            + "running it; needs no database connection.")
    boolean sql;

    @Option(names = "--from", paramLabel = "REV", description = "With --sql: the revision the database is at "
            + "(base, an id or prefix, or several heads comma-separated). Default: base for upgrade, the head(s) "
            + "for downgrade. FROM:TARGET says the same.")
    String from;

    @Option(names = "--dialect", paramLabel = "DIALECT", description = "With --sql: postgresql, mariadb or sqlite "
            + "(default: the --url's).")
    String dialect;

    /** Refuses --from or --dialect without --sql, where they would be ignored. */
    void requireSqlForOthers(String target) {
        if (!sql && (from != null || dialect != null || target.contains(":"))) {
            throw new UsageException("--from, --dialect and FROM:TARGET only apply to offline scripts: add --sql");
        }
    }

    /** Prints the script {@code write} renders from the start heads and the target. */
    void print(Project project, String target, Function<RevisionGraph, List<String>> defaultFrom, ScriptWriter write,
            ProfileOptions profile, PrintWriter out) {
        String start = from;
        String end = target;
        int colon = target.indexOf(':');
        if (colon >= 0) {
            if (from != null) {
                throw new UsageException("give the start once: --from " + from + " or " + target + ", not both");
            }
            start = target.substring(0, colon);
            end = target.substring(colon + 1);
        }
        RevisionGraph graph = new RevisionGraph(project.migrations());
        List<String> heads = start == null ? defaultFrom.apply(graph) : heads(graph, start);
        Dialect scriptDialect = dialect(project);
        var script = new OfflineScript(scriptDialect, graph, System.getProperty("user.name", "unknown"))
                .withProfile(profile.profileFor(scriptDialect));
        try {
            out.print(write.render(script, heads, end.isEmpty() ? "head" : end));
        } catch (MigrationException e) {
            throw new UsageException(e.getMessage(), e);
        }
        out.flush();
    }

    Dialect dialect(Project project) {
        return dialect(dialect, project);
    }

    static Dialect dialect(String option, Project project) {
        if (option == null) {
            return project.dialect();
        }
        try {
            return Dialect.parse(option);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + " (--dialect)");
        }
    }

    private static List<String> heads(RevisionGraph graph, String start) {
        if (start.isEmpty() || start.equals("base")) {
            return List.of();
        }
        return Arrays.stream(start.split(",")).map(String::strip).map(graph::resolve).sorted().distinct().toList();
    }

    /** {@link OfflineScript#upgrade} or {@link OfflineScript#downgrade}. */
    @FunctionalInterface
    interface ScriptWriter {
        String render(OfflineScript script, List<String> from, String target);
    }
}
