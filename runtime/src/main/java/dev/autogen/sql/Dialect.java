package dev.autogen.sql;

import java.util.Locale;

/** The databases autogen speaks. */
public enum Dialect {
    POSTGRESQL("PostgreSQL"),
    SQLITE("SQLite");

    private final String displayName;

    Dialect(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * The dialect of a JDBC URL.
     *
     * @throws IllegalArgumentException naming the supported URL forms when the URL is neither
     */
    public static Dialect fromJdbcUrl(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (lower.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        throw new IllegalArgumentException("unsupported database URL '" + url
                + "': use jdbc:postgresql://host:port/db or jdbc:sqlite:FILE");
    }

    /** Parses {@code postgresql}/{@code postgres}/{@code sqlite} (for {@code --dialect}). */
    public static Dialect parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres", "pg" -> POSTGRESQL;
            case "sqlite" -> SQLITE;
            default -> throw new IllegalArgumentException("unknown dialect '" + name + "': use postgresql or sqlite");
        };
    }
}
