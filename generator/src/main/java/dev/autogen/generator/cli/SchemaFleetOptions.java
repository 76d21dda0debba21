package dev.autogen.generator.cli;

import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.project.Project;
import dev.autogen.migrate.tenants.SchemaFleet;
import dev.autogen.sql.Dialect;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --schemas}, {@code --schemas-query}, {@code --parallel} and {@code --create-schemas} of {@code upgrade}:
 * apply the migrations to each of several PostgreSQL schemas (schema-per-tenant) through a {@link SchemaFleet}.
 */
final class SchemaFleetOptions {
    static final int DEFAULT_PARALLEL = 4;

    @Option(names = "--schemas", paramLabel = "A,B,C", split = ",",
            description = "PostgreSQL: upgrade each of these schemas, each with its own version tables "
                    + "(comma-separated).")
    List<String> schemas;

    @Option(names = "--schemas-query", paramLabel = "SQL",
            description = "PostgreSQL: upgrade each schema this query's first column names, e.g. \"select nspname "
                    + "from pg_namespace where nspname like 'tenant\\_%%'\".")
    String schemasQuery;

    @Option(names = "--parallel", paramLabel = "N",
            description = "With --schemas, --schemas-query or --targets: how many schemas or targets migrate at once"
                    + " (default: " + DEFAULT_PARALLEL + ").")
    Integer parallel;

    @Option(names = "--create-schemas",
            description = "With --schemas or --schemas-query: create the schemas that do not exist (default: refuse).")
    boolean createSchemas;

    /** Whether a fleet run was asked for. */
    boolean active() {
        return schemas != null || schemasQuery != null;
    }

    /** Refuses what cannot go together, before anything connects. */
    void validate(Project project, boolean sql) {
        if (!active()) {
            if (parallel != null || createSchemas) {
                throw new UsageException("--parallel and --create-schemas apply to several schemas: add --schemas "
                        + "A,B,C or --schemas-query SQL");
            }
            return;
        }
        if (schemas != null && schemasQuery != null) {
            throw new UsageException("give the schemas once: --schemas or --schemas-query, not both");
        }
        if (sql) {
            throw new UsageException("--sql prints one script and --schemas runs one migration per schema: run the "
                    + "script in each schema yourself (set search_path first), or drop --sql");
        }
        if (parallel != null && parallel < 1) {
            throw new UsageException("--parallel must be at least 1, not " + parallel);
        }
        if (project.settings().schema() != null) {
            throw new UsageException("--schema names one schema and --schemas several: give one of them");
        }
        if (project.dialect() != Dialect.POSTGRESQL) {
            throw new UsageException("--schemas and --schemas-query need PostgreSQL: " + project.dialect()
                    + " has no schemas (the database is " + project.settings().displayUrl() + ")");
        }
        if (schemasQuery != null) {
            try {
                SchemaFleet.requireOneStatement(schemasQuery);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--schemas-query: " + e.getMessage());
            }
        }
        if (schemas != null) {
            for (String schema : schemas) {
                if (schema.isBlank()) {
                    throw new UsageException("--schemas has an empty name: " + String.join(",", schemas));
                }
            }
        }
    }

    /**
     * The schemas to migrate, as given (names are taken exactly as written: no case folding). A name given twice is
     * migrated once, and {@code out} says so: a typo that repeats one tenant may hide one that was meant.
     */
    List<String> schemas(SchemaFleet fleet, PrintWriter out) {
        if (schemas != null) {
            Set<String> names = new LinkedHashSet<>();
            Set<String> repeated = new LinkedHashSet<>();
            for (String name : schemas) {
                if (!names.add(name.strip())) {
                    repeated.add(name.strip());
                }
            }
            if (!repeated.isEmpty()) {
                out.println("note: --schemas names " + String.join(", ", repeated) + " more than once; each schema is"
                        + " migrated once (" + names.size() + " schemas)");
                out.flush();
            }
            return List.copyOf(names);
        }
        return fleet.schemasListedBy(schemasQuery);
    }

    int parallelism() {
        return parallel == null ? DEFAULT_PARALLEL : parallel;
    }
}
