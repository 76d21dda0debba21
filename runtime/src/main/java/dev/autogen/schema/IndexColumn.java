package dev.autogen.schema;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One key part of an index: a column, its sort direction and, on MariaDB, the length of the prefix it keys
 * ({@code name(10)}: the first 10 characters; a {@code text} or {@code blob} column can only be indexed that way
 * there). PostgreSQL and SQLite have no prefix indexes: they index the whole column and ignore the length.
 *
 * @param length the prefix length in characters, or null for the whole column
 */
public record IndexColumn(String name, boolean descending, Integer length) {
    private static final Pattern PREFIX = Pattern.compile("(.+?)\\s*\\(\\s*(\\d+)\\s*\\)");

    public IndexColumn {
        Objects.requireNonNull(name, "name");
        if (length != null && length <= 0) {
            throw new IllegalArgumentException("index column " + name + ": a prefix length must be positive, not "
                    + length);
        }
    }

    /** A key part over the whole column. */
    public IndexColumn(String name, boolean descending) {
        this(name, descending, null);
    }

    public static IndexColumn asc(String name) {
        return new IndexColumn(name, false);
    }

    /** The same key part over the column {@code newName} (a renamed column). */
    public IndexColumn withName(String newName) {
        return new IndexColumn(newName, descending, length);
    }

    /**
     * Parses {@code "created_at"}, {@code "created_at desc"} (the form the generated DSL uses), and on MariaDB a
     * prefix: {@code "title(40)"}, {@code "title(40) desc"}.
     */
    public static IndexColumn parse(String spec) {
        String trimmed = spec.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        boolean descending = false;
        if (lower.endsWith(" desc")) {
            trimmed = trimmed.substring(0, trimmed.length() - 5).strip();
            descending = true;
        } else if (lower.endsWith(" asc")) {
            trimmed = trimmed.substring(0, trimmed.length() - 4).strip();
        }
        Matcher prefix = PREFIX.matcher(trimmed);
        if (prefix.matches()) {
            return new IndexColumn(prefix.group(1), descending, Integer.valueOf(prefix.group(2)));
        }
        return new IndexColumn(trimmed, descending);
    }

    /** The DSL form: {@code name}, {@code name desc}, {@code name(10)} or {@code name(10) desc}. */
    public String spec() {
        return name + (length == null ? "" : "(" + length + ")") + (descending ? " desc" : "");
    }

    /**
     * The record's text without a null length, as it was before prefix lengths were kept: migration checksums are
     * taken over operations' {@code toString()}, and an applied index must keep its checksum.
     */
    @Override
    public String toString() {
        return "IndexColumn[name=" + name + ", descending=" + descending + (length == null ? "" : ", length=" + length)
                + "]";
    }
}
