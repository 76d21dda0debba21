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

    /**
     * Revisions that must be applied before this one although they are not its parents, typically the revision on
     * another branch that creates a table this one references (Alembic's {@code depends_on}). Upgrading to this
     * revision applies them first; downgrading one of them reverts this revision first. Unlike a parent, a
     * dependency does not merge branches: each branch keeps its own head.
     */
    String[] dependsOn() default {};

    /**
     * The revisions this one squashes (written by {@code autogen squash}), in order: a database whose history holds
     * all of them has applied this revision, so squashing revisions that databases have applied keeps those databases
     * valid (Django's {@code replaces}). The originals may stay in the code until every database is past the last of
     * them; a database part-way through them is upgraded through the originals.
     */
    String[] replaces() default {};

    /** The human message given with {@code -m}. */
    String message() default "";
}
