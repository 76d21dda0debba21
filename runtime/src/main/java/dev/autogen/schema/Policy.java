package dev.autogen.schema;

import java.util.List;
import java.util.Objects;

/**
 * A permissive row-level security policy of one table. Rows a command reads or changes must satisfy {@code using};
 * rows it writes must satisfy {@code withCheck}. Expressions are SQL without the surrounding parentheses.
 *
 * @param roles     the roles it applies to, sorted; {@code public} (every role) when empty is given
 * @param using     null when the policy has no {@code USING} clause (an {@code INSERT} policy)
 * @param withCheck null when it has no {@code WITH CHECK} clause (a {@code SELECT} or {@code DELETE} policy, or one
 *                  that lets PostgreSQL use {@code using} for both)
 */
public record Policy(String name, PolicyCommand command, List<String> roles, String using, String withCheck) {

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
}
