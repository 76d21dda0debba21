package dev.autogen.generator.cli;

import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.project.ProgressLine;
import dev.autogen.generator.project.Project;
import dev.autogen.migrate.MigrationTimeouts;
import dev.autogen.migrate.tenants.FleetReport;
import dev.autogen.migrate.tenants.SchemaFleet;
import dev.autogen.migrate.tenants.SchemaOutcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.BiFunction;

/**
 * {@code autogen upgrade --schemas ...}: runs the {@link SchemaFleet}, printing each schema's progress lines as they
 * come ({@code tenant_a: applying 209336e70286 add phone … 11 ms}), then one summary line per schema in the order given
 * and a count; on a terminal a {@link ProgressLine} under them says how long the fleet has been running. Exit 3 when any
 * schema failed; a rerun finishes what is left.
 */
final class SchemaFleetRun {
    private SchemaFleetRun() {
    }

    static int upgrade(Project project, SchemaFleetOptions options, MigrationTimeouts timeouts, String target,
            boolean ignoreEdited, PrintWriter out, PrintWriter err) {
        return run(project, options, timeouts, out, err, true,
                (fleet, schemas) -> edited(fleet, ignoreEdited).upgrade(schemas, target));
    }

    static int downgrade(Project project, SchemaFleetOptions options, MigrationTimeouts timeouts, String target,
            boolean ignoreEdited, PrintWriter out, PrintWriter err) {
        return run(project, options, timeouts, out, err, false,
                (fleet, schemas) -> edited(fleet, ignoreEdited).downgrade(schemas, target));
    }

    /** {@code --ignore-edited}: each schema runs although applied revisions were edited. */
    private static SchemaFleet edited(SchemaFleet fleet, boolean ignoreEdited) {
        return ignoreEdited ? fleet.ignoringEditedRevisions() : fleet;
    }

    private static int run(Project project, SchemaFleetOptions options, MigrationTimeouts timeouts, PrintWriter out,
            PrintWriter err, boolean upgrade, BiFunction<SchemaFleet, List<String>, FleetReport> migrate) {
        ProgressLine progress = ProgressLine.terminal();
        SchemaFleet fleet = SchemaFleet.of(project.connections(), project.migrations())
                .timeouts(timeouts)
                .parallelism(options.parallelism())
                .createMissingSchemas(options.createSchemas)
                .listener((schema, line) -> {
                    synchronized (out) {
                        progress.println(out, schema + ": " + line);
                    }
                });
        List<String> schemas = options.schemas(fleet, out);
        if (schemas.isEmpty()) {
            out.println("No schemas to migrate: the query returned no rows.");
            out.flush();
            return ExitCodes.OK;
        }
        if (!options.createSchemas) {
            List<String> missing = fleet.missingSchemas(schemas);
            if (!missing.isEmpty()) {
                throw new UsageException((missing.size() == 1 ? "schema " : "schemas ") + String.join(", ", missing)
                        + (missing.size() == 1 ? " does" : " do") + " not exist: create "
                        + (missing.size() == 1 ? "it" : "them") + (upgrade ? ", or pass --create-schemas" : "")
                        + "; nothing was migrated");
            }
        }
        String task = (upgrade ? "upgrading " : "downgrading ") + schemas.size() + " schemas, "
                + Math.min(options.parallelism(), schemas.size()) + " at a time";
        FleetReport report = progress.during(task, () -> migrate.apply(fleet, schemas));
        synchronized (out) {
            for (SchemaOutcome outcome : report.outcomes()) {
                out.println(line(outcome, upgrade));
            }
            out.println(count(report, upgrade));
            out.flush();
        }
        if (report.allMigrated()) {
            return ExitCodes.OK;
        }
        List<String> failed = report.failed().stream().map(SchemaOutcome::schema).toList();
        err.println("autogen: " + failed.size() + " of " + report.outcomes().size() + " schemas failed ("
                + String.join(", ", failed) + "); the others are migrated — fix the cause and run the same command"
                + " again: it finishes what is left");
        err.flush();
        return ExitCodes.DATABASE;
    }

    /**
     * {@code tenant_a: applied 2 revisions, at 209336e70286} or {@code tenant_b: FAILED at revision …: message}; for a
     * downgrade, {@code reverted} and {@code nothing to revert}.
     */
    static String line(SchemaOutcome outcome, boolean upgrade) {
        String done = upgrade ? "applied " : "reverted ";
        return outcome.schema() + ": " + switch (outcome) {
            case SchemaOutcome.Migrated m -> (m.applied().isEmpty() ? (upgrade ? "nothing to apply" : "nothing to revert")
                    : done + revisions(m.applied().size())) + ", at " + at(m.current());
            case SchemaOutcome.Failed f -> (f.applied().isEmpty() ? "" : done + revisions(f.applied().size())
                    + ", then ") + "FAILED" + (f.revision() == null ? "" : " at revision " + f.revision()) + " (at "
                    + at(f.current()) + "): " + f.message();
        };
    }

    static String count(FleetReport report, boolean upgrade) {
        long moved = report.outcomes().stream()
                .filter(o -> o instanceof SchemaOutcome.Migrated m && !m.applied().isEmpty()).count();
        int failed = report.failed().size();
        long already = report.outcomes().size() - moved - failed;
        return report.outcomes().size() + " schema" + (report.outcomes().size() == 1 ? "" : "s") + ": " + moved
                + (upgrade ? " upgraded, " : " downgraded, ") + already
                + (upgrade ? " already up to date, " : " already there, ") + failed + " failed.";
    }

    private static String revisions(int n) {
        return n + " revision" + (n == 1 ? "" : "s");
    }

    private static String at(List<String> current) {
        return current.isEmpty() ? "base" : String.join(", ", current);
    }
}
