package dev.autogen.migrate.fleet;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.history.AppliedRevisions;
import dev.autogen.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@link Rollout#validate}: compares each target's recorded revisions and checksums with the migrations
 * ({@link Migrator#validate}), {@code parallel} targets at a time. Unlike the version rows this needs each target's
 * history, so it costs one connection per target; targets that cannot be read report the problem and the others go
 * on.
 */
public final class TargetValidations {
    /** One target's validation: its {@code report}, or the {@code problem} that kept it from being read. */
    public record Result(FleetTarget target, AppliedRevisions.Report report, String problem) {
    }

    private TargetValidations() {
    }

    static List<Result> run(List<TargetVersion> targets, List<LoadedMigration> migrations, int parallel,
            String source) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, targets.size())),
                Thread.ofPlatform().daemon().name("autogen-validate-", 1).factory());
        try {
            List<Future<Result>> runs = new ArrayList<>();
            for (TargetVersion v : targets) {
                runs.add(pool.submit(() -> one(v, migrations, source)));
            }
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                try {
                    results.add(runs.get(i).get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    results.add(new Result(targets.get(i).target(), null, "interrupted"));
                } catch (ExecutionException e) {
                    results.add(new Result(targets.get(i).target(), null, String.valueOf(e.getCause())));
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Result one(TargetVersion v, List<LoadedMigration> migrations, String source) {
        if (!v.readable()) {
            return new Result(v.target(), null, v.problem());
        }
        TargetSpec spec = v.target().spec();
        try {
            Migrator migrator = new Migrator(spec.connections(), Dialect.fromJdbcUrl(spec.url()), migrations);
            if (v.target().schema() != null) {
                // a tenant not yet moved into its line's ledger is read where its rows still are
                migrator = migrator.withSchema(v.target().schema())
                        .withLedger(v.versionTables() ? spec.tenantLedger() : null);
            }
            return new Result(v.target(), migrator.validate(source), null);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().strip().replaceAll("\\s+", " ");
            return new Result(v.target(), null, message);
        }
    }
}
