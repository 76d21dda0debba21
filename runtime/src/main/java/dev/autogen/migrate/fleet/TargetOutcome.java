package dev.autogen.migrate.fleet;

import java.util.List;

/**
 * What a rollout did with one {@link FleetTarget}. Each target succeeds or fails on its own: a failure is reported
 * here, never thrown.
 */
public sealed interface TargetOutcome {
    FleetTarget target();

    /** Already where the command leads: known from the server's one summary query, no connection of its own. */
    record AtTarget(FleetTarget target, List<String> current) implements TargetOutcome {
        public AtTarget {
            current = List.copyOf(current);
        }
    }

    /** Recorded as done by an earlier run in the state file: not looked at again. */
    record DoneEarlier(FleetTarget target) implements TargetOutcome {
    }

    /** Migrated: {@code revisions} applied (upgrade) or reverted (downgrade), in order. */
    record Migrated(FleetTarget target, List<String> revisions, List<String> current) implements TargetOutcome {
        public Migrated {
            revisions = List.copyOf(revisions);
            current = List.copyOf(current);
        }
    }

    /**
     * Stopped: the failed revision was rolled back (those before it stay); {@code current} is what the version rows
     * say afterwards (empty when unreadable or at base).
     */
    record Failed(FleetTarget target, String message, List<String> current) implements TargetOutcome {
        public Failed {
            current = List.copyOf(current);
        }
    }

    /** Not started: the canary or an earlier wave failed past {@code --max-failures}. A rerun starts it. */
    record NotStarted(FleetTarget target) implements TargetOutcome {
    }
}
