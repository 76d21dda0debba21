package dev.autogen.migrate.fleet;

import java.util.List;

/**
 * Where one target is, as its server's summary query says: its version rows ({@code current}, empty: base), or the
 * {@code problem} that kept them from being read (server unreachable, schema missing), then {@code current} is empty.
 */
public record TargetVersion(FleetTarget target, List<String> current, String problem) {
    public TargetVersion {
        current = List.copyOf(current);
    }

    public boolean readable() {
        return problem == null;
    }
}
