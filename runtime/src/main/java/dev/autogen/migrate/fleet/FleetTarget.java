package dev.autogen.migrate.fleet;

import java.util.Objects;

/**
 * One thing a rollout migrates: a tenant {@code schema} of a {@link TargetSpec}'s database, or (schema null) the
 * database itself. Its {@link #key} ({@code eu-1/tenant_07}, or {@code eu-1}) names it in progress lines, the summary
 * and the state file.
 */
public record FleetTarget(TargetSpec spec, String schema) {
    public FleetTarget {
        Objects.requireNonNull(spec, "spec");
    }

    public String key() {
        return schema == null ? spec.name() : spec.name() + "/" + schema;
    }
}
