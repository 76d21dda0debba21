package dev.autogen.annotations;

import dev.autogen.schema.PolicyCommand;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A row-level security policy of the entity's table, for when {@link TenantIsolated} is not enough (an admin role
 * that sees every tenant, a read-only share). Declaring one enables row-level security on the table (forced, unless
 * {@link TenantIsolated#force()} on the same entity says otherwise). Repeatable; names are unique per table.
 *
 * <pre>
 * &#64;Policy(name = "support_reads_all", command = PolicyCommand.SELECT, roles = "support", using = "true")
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Policies.class)
public @interface Policy {
    String name();

    PolicyCommand command() default PolicyCommand.ALL;

    /** The roles it applies to; empty means {@code public} (every role). */
    String[] roles() default {};

    /** The {@code USING} expression; empty for none. */
    String using() default "";

    /** The {@code WITH CHECK} expression; empty for none. */
    String withCheck() default "";

    /**
     * {@code AS RESTRICTIVE}: the policy narrows what the permissive policies grant (a row must pass it as well)
     * instead of granting more. PostgreSQL lets no row through a table that has restrictive policies only.
     */
    boolean restrictive() default false;
}
