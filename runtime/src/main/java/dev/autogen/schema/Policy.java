package dev.autogen.schema;

import java.util.List;
import java.util.Objects;

/**
 * A row-level security policy of one table. Rows a command reads or changes must satisfy {@code using}; rows it
 * writes must satisfy {@code withCheck}. A permissive policy grants: a row passes when any permissive policy of the
 * command lets it. A restrictive one only narrows: a row must also pass every restrictive policy (and PostgreSQL
 * lets nothing through with restrictive policies alone). Expressions are SQL without the surrounding parentheses.
 *
 * @param roles       the roles it applies to, sorted; {@code public} (every role) when empty is given
 * @param using       null when the policy has no {@code USING} clause (an {@code INSERT} policy)
 * @param withCheck   null when it has no {@code WITH CHECK} clause (a {@code SELECT} or {@code DELETE} policy, or one
 *                    that lets PostgreSQL use {@code using} for both)
 * @param restrictive {@code AS RESTRICTIVE} rather than PostgreSQL's default {@code AS PERMISSIVE}
 */
public record Policy(String name, PolicyCommand command, List<String> roles, String using, String withCheck,
        boolean restrictive) {

    /** The pseudo-role every role belongs to. */
    public static final String PUBLIC = "public";

    public Policy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
        roles = roles == null || roles.isEmpty() ? List.of(PUBLIC) : roles.stream().sorted().distinct().toList();
        if (using == null && withCheck == null) {
            throw new IllegalArgumentException("policy " + name + " has neither USING nor WITH CHECK");
        }
    }

    /** A permissive policy. */
    public Policy(String name, PolicyCommand command, List<String> roles, String using, String withCheck) {
        this(name, command, roles, using, withCheck, false);
    }

    /**
     * The record's usual text, leaving out the kind of a permissive policy, so that a policy written before
     * restrictive ones were modelled prints (and so fingerprints, see {@code MigrationChecksum}) as it did.
     */
    @Override
    public String toString() {
        return "Policy[name=" + name + ", command=" + command + ", roles=" + roles + ", using=" + using
                + ", withCheck=" + withCheck + (restrictive ? ", restrictive=true]" : "]");
    }
}
