package dev.autogen.migrate.fleet;

import java.util.List;

/**
 * Where one target is, as its server's summary query says: its version rows ({@code current}, empty: base), or the
 * {@code problem} that kept them from being read (server unreachable, schema missing), then {@code current} is empty.
 * {@code versionTables}: the summary query saw both version tables in the target's schema, so its run need not offer
 * to create them (false when unknown: a database target, read by its migrator).
 */
public record TargetVersion(FleetTarget target, List<String> current, String problem, boolean versionTables) {
    public TargetVersion {
        current = List.copyOf(current);
    }

    /** A target whose version tables were not looked for. */
    public TargetVersion(FleetTarget target, List<String> current, String problem) {
        this(target, current, problem, false);
    }

    public boolean readable() {
        return problem == null;
    }
}
