package dev.autogen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says that a table or column had another name before, so that autogenerate renames it instead of dropping it and
 * adding a new one. Without it a rename is indistinguishable from a drop plus an add: the entities only say what the
 * schema should be now, so the plan would drop the old table or column, and every value in it, and create an empty
 * one.
 *
 * <p>On an entity class, {@code value} is the table's previous name; on a field or getter, the column's previous
 * name (for a property mapped to exactly one column). Names are compared as the database stores them: a plain name is
 * folded to lower case (as unquoted identifiers are), a name in double quotes or backquotes is kept exactly. Several names are tried in order
 * (for something renamed more than once); the first that exists in the database, while the new name does not, is
 * renamed. Once the database has the new name the annotation has no effect, so it can stay until every database has
 * been migrated.
 *
 * <pre>
 * &#64;Entity &#64;RenamedFrom("customer")
 * class Client {
 *     &#64;RenamedFrom("phone_no") String phone;
 * }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
public @interface RenamedFrom {
    /** The previous name, or several, tried in order. */
    String[] value();
}
