package dev.autogen.op;

import dev.autogen.schema.Policy;
import java.util.Objects;

/** Creates a row-level security policy on a table (PostgreSQL; nothing on SQLite). */
public record CreatePolicy(String table, Policy policy) implements Operation {
    public CreatePolicy {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(policy, "policy");
    }

    @Override
    public Operation reverse() {
        return new DropPolicy(table, policy.name(), policy);
    }
}
