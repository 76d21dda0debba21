package dev.autogen.migrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Identifies a {@link Migration} in the revision graph.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {
    /** A short, unique, lower-case hex id (12 characters when generated). */
    String id();

    /** The revision(s) this one follows; empty for the first revision (base). Two or more make a merge. */
    String[] parent() default {};

    /** The human message given with {@code -m}. */
    String message() default "";
}
