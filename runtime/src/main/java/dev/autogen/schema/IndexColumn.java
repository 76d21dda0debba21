package dev.autogen.schema;

import java.util.Locale;
import java.util.Objects;

/**
 * One key part of an index: a column and its sort direction.
 */
public record IndexColumn(String name, boolean descending) {
    public IndexColumn {
        Objects.requireNonNull(name, "name");
    }

    public static IndexColumn asc(String name) {
        return new IndexColumn(name, false);
    }

    /** Parses {@code "created_at"} or {@code "created_at desc"} (the form the generated DSL uses). */
    public static IndexColumn parse(String spec) {
        String trimmed = spec.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.endsWith(" desc")) {
            return new IndexColumn(trimmed.substring(0, trimmed.length() - 5).strip(), true);
        }
        if (lower.endsWith(" asc")) {
            return new IndexColumn(trimmed.substring(0, trimmed.length() - 4).strip(), false);
        }
        return new IndexColumn(trimmed, false);
    }

    /** The DSL form: {@code name} or {@code name desc}. */
    public String spec() {
        return descending ? name + " desc" : name;
    }
}
