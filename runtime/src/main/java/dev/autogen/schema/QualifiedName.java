package dev.autogen.schema;

import java.util.Objects;

/**
 * The name of a table or sequence that may live in another schema than the default one ({@code @Table(schema =
 * "archive")}). The schema model, the operations and generated migrations keep such a name as one string,
 * {@code archive.archived_customer}, so that everything that compares, sorts or prints table names needs no change;
 * this record is the one place that splits it, for the renderers (which quote each part) and the catalog readers.
 * A name without a dot is in the default schema (the connection's {@code current_schema()}, or {@code --schema}).
 *
 * <p>Why a dotted string rather than a separate schema field on every table and operation: a qualified table is rare,
 * and a field would change every operation record and every generated migration; the price is that a table name
 * may not itself contain a dot, which the entity reader refuses with a clear message and the catalog reader skips.
 *
 * @param schema null for the default schema
 * @param name   the table's (or sequence's) own name
 */
public record QualifiedName(String schema, String name) {

    public QualifiedName {
        Objects.requireNonNull(name, "name");
        if (schema != null && schema.isEmpty()) {
            throw new IllegalArgumentException("empty schema name for " + name);
        }
    }

    /** Splits {@code archive.archived_customer} at its first dot; a name without a dot has no schema. */
    public static QualifiedName parse(String qualified) {
        int dot = qualified.indexOf('.');
        return dot < 0 ? new QualifiedName(null, qualified)
                : new QualifiedName(qualified.substring(0, dot), qualified.substring(dot + 1));
    }

    /** {@code schema.name}, or {@code name} when {@code schema} is null. */
    public static String of(String schema, String name) {
        return new QualifiedName(schema, name).toString();
    }

    /** The name without its schema (what PostgreSQL calls it inside its schema, and what invented names build on). */
    public static String local(String qualified) {
        return parse(qualified).name();
    }

    /** The same schema as this name, with another object's name: indexes and types live in their table's schema. */
    public QualifiedName sibling(String objectName) {
        return new QualifiedName(schema, objectName);
    }

    /** {@code "schema"."name"} or {@code "name"}: each part quoted, inner double quotes doubled. */
    public String sql() {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
