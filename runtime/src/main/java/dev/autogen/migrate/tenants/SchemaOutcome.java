package dev.autogen.migrate.tenants;

import java.util.List;

/**
 * What one schema's run of a {@link SchemaFleet} came to. Each schema succeeds or fails on its own: a failure is
 * reported here, never thrown, so that the other schemas go on.
 */
public sealed interface SchemaOutcome {
    String schema();

    /** The schema's version rows after the run (empty: base); empty as well when they could not be read. */
    List<String> current();

    /** The schema reached the target: {@code applied} lists what this run applied (empty: nothing to do). */
    record Migrated(String schema, List<String> applied, List<String> current) implements SchemaOutcome {
        public Migrated {
            applied = List.copyOf(applied);
            current = List.copyOf(current);
        }
    }

    /**
     * The schema stopped: {@code applied} lists the revisions this run applied before the failure (they stay),
     * {@code revision} is the one that failed and was rolled back (null when the failure came before any revision,
     * e.g. no connection), {@code message} what went wrong.
     */
    record Failed(String schema, List<String> applied, String revision, String message, List<String> current)
            implements SchemaOutcome {
        public Failed {
            applied = List.copyOf(applied);
            current = List.copyOf(current);
        }
    }
}
