package dev.autogen.migrate.fleet;

import java.util.List;

/**
 * The outcome of a {@link Rollout}: one {@link TargetOutcome} per target in the order of the targets file (then of each
 * target's schemas), not the order they finished in, so that what is printed from it is deterministic.
 */
public record RolloutReport(String command, String target, List<TargetOutcome> outcomes) {
    public RolloutReport {
        outcomes = List.copyOf(outcomes);
    }

    public List<TargetOutcome.Failed> failed() {
        return of(TargetOutcome.Failed.class);
    }

    /** Whether every target reached the command's target (none failed, none left unstarted). */
    public boolean complete() {
        return outcomes.stream().allMatch(o -> o instanceof TargetOutcome.Migrated || o instanceof TargetOutcome.AtTarget
                || o instanceof TargetOutcome.DoneEarlier);
    }

    /** The outcomes of one kind, in order. */
    public <T extends TargetOutcome> List<T> of(Class<T> kind) {
        return outcomes.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
