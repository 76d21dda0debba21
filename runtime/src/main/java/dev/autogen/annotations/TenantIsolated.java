package dev.autogen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps tenants apart with PostgreSQL row-level security, so that a table cannot be forgotten: autogenerate enables
 * row-level security on the entity's table, forces it (so the table's owner, usually the role the application and
 * the migrations connect as, is held too) unless {@link #force()} is false, and creates the policy
 * {@code tenant_isolation}:
 *
 * <pre>
 * USING      (tenant_id = nullif(current_setting('app.current_tenant_id', true), '')::uuid)
 * WITH CHECK (tenant_id = nullif(current_setting('app.current_tenant_id', true), '')::uuid)
 * </pre>
 *
 * with the column's own type in the cast. A session that has not set the setting (or set it to {@code ''}) sees no
 * rows and can write none: the comparison is with NULL, never an error, so a forgotten {@code SET} fails closed and
 * tools that open plain sessions (a dump, a health check) keep working. The application sets it per transaction:
 * {@code select set_config('app.current_tenant_id', ?, true)}.
 *
 * <p>On an entity class it applies to that entity's table (which must have the column). On a {@code package-info}
 * it applies to every entity of the package whose table has the column; an entity's own annotation wins. SQLite has
 * no row-level security: there it has no effect.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface TenantIsolated {
    /** The column that holds the row's tenant, as the database stores it. */
    String column() default "tenant_id";

    /** The session setting that holds the current tenant ({@code SET app.current_tenant_id = '…'}). */
    String setting() default "app.current_tenant_id";

    /** Whether the table's owner is held by the policy too ({@code FORCE ROW LEVEL SECURITY}). */
    boolean force() default true;
}
