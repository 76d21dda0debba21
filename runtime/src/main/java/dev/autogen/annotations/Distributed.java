package dev.autogen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Citus: the entity's table is distributed (sharded) by {@link #column()}. When {@code autogen -m} creates the table it
 * writes {@code select create_distributed_table('table', 'column')} after it (PostgreSQL only; nothing on SQLite).
 * Citus enforces a primary key or unique constraint only when it contains the distribution column, so {@code -m}
 * refuses, before writing anything, an entity whose primary key or a unique key leaves it out. See
 * docs/distributed.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Distributed {
    /** The distribution column, as the database stores its name (e.g. {@code tenant_id}). */
    String column();
}
