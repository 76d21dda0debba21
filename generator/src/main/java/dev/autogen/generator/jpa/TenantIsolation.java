package dev.autogen.generator.jpa;

import dev.autogen.annotations.TenantIsolated;
import dev.autogen.schema.Column;
import dev.autogen.schema.Policy;
import dev.autogen.schema.PolicyCommand;
import dev.autogen.schema.RowLevelSecurity;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.postgres.PostgresTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.PersistentClass;

/**
 * Turns {@link TenantIsolated} and {@link dev.autogen.annotations.Policy} on entities (and {@code TenantIsolated} on
 * their {@code package-info}) into the row-level security state and policies of the entities' tables. The tenant
 * policy is named {@value #POLICY_NAME} and compares the column with the setting cast to the column's PostgreSQL type;
 * an unset or empty setting is NULL, so the session sees no rows (see {@link TenantIsolated}).
 */
public final class TenantIsolation {
    /** The name of the policy {@link TenantIsolated} creates. */
    public static final String POLICY_NAME = "tenant_isolation";

    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");

    private TenantIsolation() {
    }

    /** {@code schema} with the row-level security the entity classes of {@code metadata} declare. */
    static Schema apply(Schema schema, Metadata metadata) {
        Map<String, Table> tables = new LinkedHashMap<>();
        schema.tables().forEach(t -> tables.put(t.name(), t));
        List<PersistentClass> entities = new ArrayList<>(metadata.getEntityBindings());
        entities.sort(java.util.Comparator.comparing(PersistentClass::getEntityName));
        for (PersistentClass entity : entities) {
            Class<?> type = entity.getMappedClass();
            if (type == null) {
                continue;
            }
            String name = HibernateModelReader.tableName(entity.getTable());
            Table table = tables.get(name);
            if (table == null) {
                continue;
            }
            tables.put(name, declared(table, type));
        }
        return new Schema(List.copyOf(tables.values()), schema.sequences(), schema.enumTypes());
    }

    private static Table declared(Table table, Class<?> type) {
        TenantIsolated own = type.getAnnotation(TenantIsolated.class);
        TenantIsolated inherited = type.getPackage() == null ? null
                : type.getPackage().getAnnotation(TenantIsolated.class);
        List<Policy> policies = new ArrayList<>(table.policies());
        RowLevelSecurity state = table.rowLevelSecurity();
        TenantIsolated isolation = own;
        if (isolation == null && inherited != null && table.column(inherited.column()).isPresent()) {
            isolation = inherited;
        }
        if (isolation != null) {
            String columnName = isolation.column();
            Column column = table.column(columnName).orElseThrow(() -> new EntityModelException(
                    type.getName() + " is @TenantIsolated by column " + columnName + " but table "
                            + table.name() + " has no such column"));
            String condition = condition(column, isolation.setting());
            add(policies, new Policy(POLICY_NAME, PolicyCommand.ALL, List.of(), condition, condition), type);
            state = RowLevelSecurity.enabled(isolation.force());
        }
        var declaredPolicies = type.getAnnotationsByType(dev.autogen.annotations.Policy.class);
        for (dev.autogen.annotations.Policy declared : declaredPolicies) {
            add(policies, new Policy(declared.name(), declared.command(), List.of(declared.roles()),
                    blankToNull(declared.using()), blankToNull(declared.withCheck()), declared.restrictive()), type);
            if (!state.enabled()) {
                state = RowLevelSecurity.enabled(own == null || own.force());
            }
        }
        return table.withRowLevelSecurity(state).withPolicies(policies);
    }

    private static void add(List<Policy> policies, Policy policy, Class<?> type) {
        for (Policy existing : policies) {
            if (existing.name().equals(policy.name())) {
                if (existing.equals(policy)) {
                    return; // several entities (an inheritance hierarchy) share the table
                }
                throw new EntityModelException(type.getName() + " declares policy " + policy.name()
                        + " differently from another entity of the same table");
            }
        }
        policies.add(policy);
    }

    /** {@code tenant_id = nullif(current_setting('app.current_tenant_id', true), '')::uuid}. */
    static String condition(Column column, String setting) {
        String name = PLAIN_IDENTIFIER.matcher(column.name()).matches() ? column.name()
                : "\"" + column.name().replace("\"", "\"\"") + "\"";
        return name + " = nullif(current_setting('" + setting.replace("'", "''") + "', true), '')::"
                + PostgresTypes.sql(column.type());
    }

    private static String blankToNull(String expression) {
        return expression == null || expression.isBlank() ? null : expression.strip();
    }
}
