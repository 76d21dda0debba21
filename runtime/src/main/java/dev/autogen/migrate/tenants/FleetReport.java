package dev.autogen.migrate.tenants;

import java.util.List;

/**
 * The outcome of a {@link SchemaFleet} run: one {@link SchemaOutcome} per schema, in the order the schemas were
 * given (not the order they finished in), so that what is printed from it is deterministic.
 */
public record FleetReport(List<SchemaOutcome> outcomes) {
    public FleetReport {
        outcomes = List.copyOf(outcomes);
    }

    /** The schemas that failed, in order. */
    public List<SchemaOutcome.Failed> failed() {
        return outcomes.stream()
                .flatMap(o -> o instanceof SchemaOutcome.Failed f ? java.util.stream.Stream.of(f)
                        : java.util.stream.Stream.empty())
                .toList();
    }

    /** Whether every schema reached the target. */
    public boolean allMigrated() {
        return failed().isEmpty();
    }
}
