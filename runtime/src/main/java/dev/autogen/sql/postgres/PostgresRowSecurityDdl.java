package dev.autogen.sql.postgres;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;

import dev.autogen.schema.Policy;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.schema.RowLevelSecurity;
import java.util.stream.Collectors;

/**
 * PostgreSQL's row-level security statements. The state is always written whole (both switches, in one
 * {@code ALTER TABLE}), so the statement is right whatever the table had before. Role names are quoted, except the
 * {@code public} pseudo-role, which is a keyword (a quoted {@code "public"} would name a role that cannot exist).
 */
final class PostgresRowSecurityDdl {
    private PostgresRowSecurityDdl() {
    }

    static String set(String table, RowLevelSecurity state) {
        return "alter table " + DdlRenderer.quoteTable(table)
                + (state.enabled() ? " enable" : " disable") + " row level security, "
                + (state.forced() ? "force" : "no force") + " row level security";
    }

    static String createPolicy(String table, Policy policy) {
        StringBuilder sql = new StringBuilder("create policy ").append(quoteIdentifier(policy.name()))
                .append(" on ").append(DdlRenderer.quoteTable(table))
                .append(policy.restrictive() ? " as restrictive for " : " as permissive for ")
                .append(policy.command().sql())
                .append(" to ").append(policy.roles().stream()
                        .map(r -> r.equals(Policy.PUBLIC) ? "public" : quoteIdentifier(r))
                        .collect(Collectors.joining(", ")));
        if (policy.using() != null) {
            sql.append(" using (").append(policy.using()).append(')');
        }
        if (policy.withCheck() != null) {
            sql.append(" with check (").append(policy.withCheck()).append(')');
        }
        return sql.toString();
    }
}
