package dev.autogen.generator.cli;

import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.project.Project;
import dev.autogen.migrate.MigrationTimeouts;
import dev.autogen.migrate.tenants.FleetReport;
import dev.autogen.migrate.tenants.SchemaFleet;
import dev.autogen.migrate.tenants.SchemaOutcome;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code autogen upgrade --schemas ...}: runs the {@link SchemaFleet}, printing each schema's progress lines as they
 * come ({@code tenant_a: applying 209336e70286 add phone … 11 ms}), then one summary line per schema in the order given
 * and a count. Exit 3 when any schema failed; a rerun finishes what is left.
 */
final class SchemaFleetRun {
    private SchemaFleetRun() {
    }

    static int upgrade(Project project, SchemaFleetOptions options, MigrationTimeouts timeouts, String target,
            PrintWriter out, PrintWriter err) {
        SchemaFleet fleet = SchemaFleet.of(project.connections(), project.migrations())
                .timeouts(timeouts)
                .parallelism(options.parallelism())
                .createMissingSchemas(options.createSchemas)
                .listener((schema, line) -> {
                    synchronized (out) {
                        out.println(schema + ": " + line);
                        out.flush();
                    }
                });
        List<String> schemas = options.schemas(fleet);
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
                        + (missing.size() == 1 ? "it" : "them") + ", or pass --create-schemas; nothing was migrated");
            }
        }
        FleetReport report = fleet.upgrade(schemas, target);
        synchronized (out) {
            for (SchemaOutcome outcome : report.outcomes()) {
                out.println(line(outcome));
            }
            out.println(count(report));
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

    /** {@code tenant_a: applied 2 revisions, at 209336e70286} or {@code tenant_b: FAILED at revision …: message}. */
    static String line(SchemaOutcome outcome) {
        return outcome.schema() + ": " + switch (outcome) {
            case SchemaOutcome.Migrated m -> (m.applied().isEmpty() ? "nothing to apply"
                    : "applied " + revisions(m.applied().size())) + ", at " + at(m.current());
            case SchemaOutcome.Failed f -> (f.applied().isEmpty() ? "" : "applied " + revisions(f.applied().size())
                    + ", then ") + "FAILED" + (f.revision() == null ? "" : " at revision " + f.revision()) + " (at "
                    + at(f.current()) + "): " + f.message();
        };
    }

    static String count(FleetReport report) {
        long upgraded = report.outcomes().stream()
                .filter(o -> o instanceof SchemaOutcome.Migrated m && !m.applied().isEmpty()).count();
        int failed = report.failed().size();
        long upToDate = report.outcomes().size() - upgraded - failed;
        return report.outcomes().size() + " schema" + (report.outcomes().size() == 1 ? "" : "s") + ": " + upgraded
                + " upgraded, " + upToDate + " already up to date, " + failed + " failed.";
    }

    private static String revisions(int n) {
        return n + " revision" + (n == 1 ? "" : "s");
    }

    private static String at(List<String> current) {
        return current.isEmpty() ? "base" : String.join(", ", current);
    }
}
