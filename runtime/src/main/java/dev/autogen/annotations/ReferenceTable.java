package dev.autogen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Citus: the entity's table is a reference table, copied whole to every node (small tables every tenant shares,
 * which distributed tables may reference). When {@code autogen -m} creates the table it writes
 * {@code select create_reference_table('table')} after it (PostgreSQL only). See docs/distributed.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReferenceTable {
}
