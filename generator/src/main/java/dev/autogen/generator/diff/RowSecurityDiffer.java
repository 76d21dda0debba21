package dev.autogen.generator.diff;

import dev.autogen.generator.diff.Plan.Phase;
import dev.autogen.migrate.CheckExpressions;
import dev.autogen.op.CreatePolicy;
import dev.autogen.op.DropPolicy;
import dev.autogen.op.SetRowLevelSecurity;
import dev.autogen.schema.Column;
import dev.autogen.schema.Policy;
import dev.autogen.schema.RowLevelSecurity;
import dev.autogen.schema.Table;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Plans PostgreSQL row-level security: the enabled/forced switches of each table and its policies. A table that does
 * not exist on one side counts as having none there, so a new table gets its switches and policies after it is
 * created, and a dropped one loses them before it is dropped.
 *
 * <p>Policies are matched by name; one whose kind (permissive or restrictive), command, roles or canonical
 * {@code USING}/{@code WITH CHECK} differ is dropped and created again (PostgreSQL's {@code ALTER POLICY} can change
 * neither the command nor the kind). Policies are dropped
 * before anything else and created after everything else, so the columns they use exist; a policy that uses a column
 * whose type the plan changes is dropped and re-created around the change, because PostgreSQL refuses to alter the
 * type of a column a policy uses. Switches that turn row-level security on go before the table's new policies; those
 * that turn it off go after its dropped ones.
 */
final class RowSecurityDiffer {
    private final DefinitionComparison compare;
    private final Plan plan;

    RowSecurityDiffer(DefinitionComparison compare, Plan plan) {
        this.compare = compare;
        this.plan = plan;
    }

    /** Plans the row-level security of every table but those in {@code unchanged} (equal on both sides: nothing to do). */
    void diff(SortedMap<String, Table> current, SortedMap<String, Table> target, java.util.Set<String> unchanged) {
        for (String name : new TreeSet<>(union(current, target))) {
            if (unchanged.contains(name)) {
                continue;
            }
            Table from = current.get(name);
            Table to = target.get(name);
            diffTable(name, from, to);
        }
    }

    private static java.util.Set<String> union(Map<String, Table> a, Map<String, Table> b) {
        java.util.Set<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }

    private void diffTable(String name, Table from, Table to) {
        RowLevelSecurity before = from == null ? RowLevelSecurity.NONE : from.rowLevelSecurity();
        RowLevelSecurity after = to == null ? RowLevelSecurity.NONE : to.rowLevelSecurity();
        SortedMap<String, Policy> had = byName(from);
        SortedMap<String, Policy> wants = byName(to);
        List<String> retyped = from == null || to == null ? List.of() : retypedColumns(from, to);
        for (Policy policy : had.values()) {
            Policy wanted = wants.get(policy.name());
            if (wanted == null || !same(policy, wanted) || usesAny(policy, retyped)) {
                plan.add(Phase.DROP_POLICIES, name, new DropPolicy(name, policy.name(), policy));
            }
        }
        if (!before.equals(after) && !after.enabled()) {
            plan.add(Phase.DROP_POLICIES, name, new SetRowLevelSecurity(name, after, before));
        }
        if (!before.equals(after) && after.enabled()) {
            plan.add(Phase.CREATE_POLICIES, name, new SetRowLevelSecurity(name, after, before));
        }
        for (Policy policy : wants.values()) {
            Policy existing = had.get(policy.name());
            if (existing == null || !same(existing, policy) || usesAny(existing, retyped)) {
                plan.add(Phase.CREATE_POLICIES, name, new CreatePolicy(name, policy));
            }
        }
    }

    private static SortedMap<String, Policy> byName(Table table) {
        SortedMap<String, Policy> policies = new TreeMap<>();
        if (table != null) {
            table.policies().forEach(p -> policies.put(p.name(), p));
        }
        return policies;
    }

    private boolean same(Policy a, Policy b) {
        return a.command() == b.command() && a.restrictive() == b.restrictive() && a.roles().equals(b.roles())
                && Objects.equals(key(a.using()), key(b.using()))
                && Objects.equals(key(a.withCheck()), key(b.withCheck()));
    }

    private String key(String expression) {
        return expression == null ? null : compare.expressionKey(expression);
    }

    private List<String> retypedColumns(Table from, Table to) {
        return from.columns().stream().filter(c -> {
            Column other = to.column(c.name()).orElse(null);
            return other != null && !compare.sameType(c.type(), other.type());
        }).map(Column::name).toList();
    }

    private static boolean usesAny(Policy policy, List<String> columns) {
        return columns.stream().anyMatch(c -> uses(policy, c));
    }

    /** Whether {@code policy}'s expressions refer to {@code column}. */
    static boolean uses(Policy policy, String column) {
        return policy.using() != null && CheckExpressions.mentions(policy.using(), column)
                || policy.withCheck() != null && CheckExpressions.mentions(policy.withCheck(), column);
    }
}
