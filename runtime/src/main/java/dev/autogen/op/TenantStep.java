package dev.autogen.op;

import java.util.Objects;

/**
 * What a {@link ForEachTenant} runs for each tenant: SQL or Java, as which role, under which tenant setting.
 *
 * <p>Built with {@link #sql(String)} or {@link #run(String, TenantCallback)}, then {@link #as(String)} (the role the
 * step runs as; it must not be a superuser, must not have {@code BYPASSRLS} and must not own a table whose row-level
 * security is not forced, or the step is refused) and optionally {@link #setting(String)} (default
 * {@code app.current_tenant_id}, the default of {@code @TenantIsolated}).
 *
 * <p>{@link #toString()} shows the SQL or the description, never a lambda's per-run hash, so the revision's checksum
 * is stable.
 *
 * @param description what the step does (the SQL itself for a SQL step)
 * @param sql         the SQL, or null for a Java step
 * @param callback    the Java code, or null for a SQL step
 * @param role        the role it runs as ({@code SET LOCAL ROLE}), or null for the migrator's own role
 * @param setting     the session setting row-level security reads the current tenant from
 */
public record TenantStep(String description, String sql, TenantCallback callback, String role, String setting) {
    /** The setting {@code @TenantIsolated} uses unless told otherwise. */
    public static final String DEFAULT_SETTING = "app.current_tenant_id";

    public TenantStep {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(setting, "setting");
        if ((sql == null) == (callback == null)) {
            throw new IllegalArgumentException("a tenant step is SQL or Java, exactly one of them");
        }
    }

    /** SQL run once per tenant; it reads the tenant with {@code current_setting(setting)} or through policies. */
    public static TenantStep sql(String sql) {
        return new TenantStep(sql, Objects.requireNonNull(sql, "sql"), null, null, DEFAULT_SETTING);
    }

    /** Java run once per tenant, given the connection and the tenant. */
    public static TenantStep run(String description, TenantCallback callback) {
        return new TenantStep(description, null, Objects.requireNonNull(callback, "callback"), null, DEFAULT_SETTING);
    }

    /** Runs as {@code role} ({@code SET LOCAL ROLE}, so the migrator's role must be a member of it). */
    public TenantStep as(String role) {
        return new TenantStep(description, sql, callback, Objects.requireNonNull(role, "role"), setting);
    }

    /** Sets the tenant in {@code setting} instead of {@value #DEFAULT_SETTING}. */
    public TenantStep setting(String setting) {
        return new TenantStep(description, sql, callback, role, setting);
    }

    @Override
    public String toString() {
        return "TenantStep[" + (sql != null ? "sql=" + sql : "java=" + description) + ", role=" + role
                + ", setting=" + setting + "]";
    }
}
