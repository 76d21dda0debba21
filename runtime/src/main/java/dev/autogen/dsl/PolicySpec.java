package dev.autogen.dsl;

import dev.autogen.schema.Policy;
import dev.autogen.schema.PolicyCommand;
import java.util.Arrays;
import java.util.List;

/**
 * A row-level security policy for {@link SchemaChanges#createPolicy}: {@code policy("tenant_isolation")
 * .using("tenant_id = …").withCheck("tenant_id = …")}, for every command and every role unless
 * {@link #forCommand} and {@link #to} say otherwise. Immutable: each method returns a new spec.
 */
public final class PolicySpec {
    private final String name;
    private final PolicyCommand command;
    private final List<String> roles;
    private final String using;
    private final String withCheck;
    private final boolean restrictive;

    private PolicySpec(String name, PolicyCommand command, List<String> roles, String using, String withCheck,
            boolean restrictive) {
        this.name = name;
        this.command = command;
        this.roles = roles;
        this.using = using;
        this.withCheck = withCheck;
        this.restrictive = restrictive;
    }

    /** A policy named {@code name} (unique per table), for {@code ALL} commands and role {@code public}. */
    public static PolicySpec policy(String name) {
        return new PolicySpec(name, PolicyCommand.ALL, List.of(), null, null, false);
    }

    public PolicySpec forCommand(PolicyCommand newCommand) {
        return new PolicySpec(name, newCommand, roles, using, withCheck, restrictive);
    }

    /** The roles it applies to ({@code public}, every role, when never called). */
    public PolicySpec to(String... newRoles) {
        return new PolicySpec(name, command, Arrays.asList(newRoles), using, withCheck, restrictive);
    }

    /** The condition rows must meet to be seen, updated or deleted. */
    public PolicySpec using(String expression) {
        return new PolicySpec(name, command, roles, expression, withCheck, restrictive);
    }

    /** The condition rows must meet to be written. */
    public PolicySpec withCheck(String expression) {
        return new PolicySpec(name, command, roles, using, expression, restrictive);
    }

    /**
     * {@code AS RESTRICTIVE}: the policy narrows what the permissive ones grant (a row must pass it too) instead of
     * granting more.
     */
    public PolicySpec restrictive() {
        return new PolicySpec(name, command, roles, using, withCheck, true);
    }

    public Policy toPolicy() {
        return new Policy(name, command, roles, using, withCheck, restrictive);
    }
}
