package dev.autogen.generator.cli;

import dev.autogen.generator.config.UsageException;
import dev.autogen.migrate.fleet.Rollout;
import dev.autogen.migrate.fleet.WaveSize;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How {@code upgrade --targets} and {@code downgrade --targets} roll out: canary, waves, failures tolerated, the state
 * file that lets a rerun do only what is left, and the summary's format. {@code --parallel} is
 * {@link SchemaFleetOptions}'s.
 */
final class RolloutOptions {
    enum Format { text, json }

    @Option(names = "--canary", paramLabel = "N", description = "With --targets: migrate N targets first; any failure"
            + " among them stops the rollout.")
    Integer canary;

    @Option(names = "--wave", paramLabel = "SIZE", description = "With --targets: then waves of SIZE targets (50) or"
            + " of a share of them (10%%); each wave finishes before the next starts.")
    String wave;

    @Option(names = "--max-failures", paramLabel = "N", description = "With --targets: stop starting targets once more"
            + " than N have failed (default 0).")
    Integer maxFailures;

    @Option(names = "--state", paramLabel = "FILE", description = "With --targets: keep each target's outcome in FILE;"
            + " a rerun with the same FILE skips the targets done.")
    Path state;

    @Option(names = "--tenants-per-transaction", paramLabel = "N", description = "With --targets: tenant schemas of a"
            + " line with ledger= moved in one transaction when the revisions allow (default "
            + Rollout.DEFAULT_TENANTS_PER_TRANSACTION + "; a failed batch is rerun tenant by tenant; 1: each alone).")
    Integer tenantsPerTransaction;

    @Option(names = "--format", paramLabel = "FORMAT", description = "With --targets: the summary as text (default) or"
            + " json.")
    Format format;

    /** Refuses these options without --targets. */
    void requireTargets(boolean targets) {
        if (!targets && (canary != null || wave != null || maxFailures != null || state != null || format != null
                || tenantsPerTransaction != null)) {
            throw new UsageException("--canary, --wave, --max-failures, --tenants-per-transaction, --state and"
                    + " --format roll out over many targets: add --targets FILE");
        }
    }

    Rollout apply(Rollout rollout, Integer parallel) {
        try {
            Rollout r = rollout;
            if (canary != null) {
                r = r.canary(canary);
            }
            if (wave != null) {
                r = r.wave(WaveSize.parse(wave));
            }
            if (maxFailures != null) {
                r = r.maxFailures(maxFailures);
            }
            if (parallel != null) {
                r = r.parallel(parallel);
            }
            if (tenantsPerTransaction != null) {
                r = r.tenantsPerTransaction(tenantsPerTransaction);
            }
            return state == null ? r : r.state(state);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    boolean json() {
        return format == Format.json;
    }
}
