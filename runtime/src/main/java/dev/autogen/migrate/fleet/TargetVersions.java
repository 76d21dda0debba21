package dev.autogen.migrate.fleet;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.tenants.SchemaFleet;
import dev.autogen.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads where every target of several {@link TargetSpec}s is, the servers in parallel: a spec with tenant schemas
 * costs one connection and one {@link FleetVersions} query per 500 schemas (plus the listing query with
 * {@code schemas-query=}); a database target costs its migrator's one {@link Migrator#current()}. A server that cannot
 * be reached becomes one {@link TargetVersion} naming the problem; it never stops the others.
 */
final class TargetVersions {
    private TargetVersions() {
    }

    static List<TargetVersion> read(List<TargetSpec> specs, List<LoadedMigration> migrations, int parallel) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, specs.size())),
                Thread.ofPlatform().daemon().name("autogen-versions-", 1).factory());
        try {
            List<Future<List<TargetVersion>>> reads = new ArrayList<>();
            for (TargetSpec spec : specs) {
                reads.add(pool.submit(() -> read(spec, migrations)));
            }
            List<TargetVersion> all = new ArrayList<>();
            for (int i = 0; i < reads.size(); i++) {
                all.addAll(get(specs.get(i), reads.get(i)));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<TargetVersion> get(TargetSpec spec, Future<List<TargetVersion>> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(new TargetVersion(new FleetTarget(spec, null), List.of(), "interrupted"));
        } catch (ExecutionException e) {
            return List.of(new TargetVersion(new FleetTarget(spec, null), List.of(), String.valueOf(e.getCause())));
        }
    }

    private static List<TargetVersion> read(TargetSpec spec, List<LoadedMigration> migrations) {
        try {
            if (!spec.hasSchemas()) {
                Migrator migrator = new Migrator(spec.connections(), Dialect.fromJdbcUrl(spec.url()), migrations);
                return List.of(new TargetVersion(new FleetTarget(spec, null), migrator.current(), null));
            }
            List<String> schemas = spec.schemasQuery() == null ? spec.schemas()
                    : SchemaFleet.of(spec.connections(), migrations).schemasListedBy(spec.schemasQuery());
            if (spec.ledger() != null) {
                return inLedger(spec, schemas);
            }
            Map<String, Optional<FleetVersions.Found>> rows;
            try (Connection c = spec.connections().open()) {
                rows = FleetVersions.read(c, schemas);
            }
            List<TargetVersion> versions = new ArrayList<>();
            for (String schema : schemas) {
                Optional<FleetVersions.Found> found = rows.getOrDefault(schema, Optional.empty());
                versions.add(new TargetVersion(new FleetTarget(spec, schema),
                        found.map(FleetVersions.Found::current).orElse(List.of()),
                        found.isPresent() ? null : missing(spec, schema),
                        found.map(FleetVersions.Found::versionTables).orElse(false)));
            }
            return versions;
        } catch (SQLException | RuntimeException e) {
            return unreachable(spec, e);
        }
    }

    /** {@link #read} of a line whose tenants keep their versions in a {@link dev.autogen.migrate.history.TenantLedger}. */
    private static List<TargetVersion> inLedger(TargetSpec spec, List<String> schemas) throws SQLException {
        Map<String, Optional<LedgerVersions.Found>> rows;
        try (Connection c = spec.connections().open()) {
            rows = LedgerVersions.read(c, spec.tenantLedger(), schemas);
        }
        List<TargetVersion> versions = new ArrayList<>();
        for (String schema : schemas) {
            Optional<LedgerVersions.Found> found = rows.getOrDefault(schema, Optional.empty());
            versions.add(new TargetVersion(new FleetTarget(spec, schema),
                    found.map(LedgerVersions.Found::current).orElse(List.of()),
                    found.isEmpty() ? missing(spec, schema) : found.get().problem(),
                    found.map(LedgerVersions.Found::inLedger).orElse(false)));
        }
        return versions;
    }

    private static String missing(TargetSpec spec, String schema) {
        return "schema " + schema + " does not exist: create it first, or drop it from " + spec.source();
    }

    private static List<TargetVersion> unreachable(TargetSpec spec, Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage().strip().replaceAll("\\s+", " ");
        return List.of(new TargetVersion(new FleetTarget(spec, null), List.of(), "cannot reach " + spec.name()
                + ": " + message));
    }
}
