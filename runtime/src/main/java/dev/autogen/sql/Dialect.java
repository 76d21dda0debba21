package dev.autogen.sql;

import java.util.Locale;

/** The databases autogen speaks. */
public enum Dialect {
    POSTGRESQL("PostgreSQL"),
    SQLITE("SQLite"),
    /** MariaDB 10.11+ (and MySQL 8 where the two agree); DDL commits implicitly there (docs/comparison.md). */
    MARIADB("MariaDB");

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
        if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("unsupported database URL '" + url
                + "': use jdbc:postgresql://host:port/db, jdbc:mariadb://host:port/db or jdbc:sqlite:FILE");
    }

    /** Parses {@code postgresql}/{@code postgres}/{@code sqlite}/{@code mariadb} (for {@code --dialect}). */
    public static Dialect parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres", "pg" -> POSTGRESQL;
            case "sqlite" -> SQLITE;
            case "mariadb", "mysql" -> MARIADB;
            default -> throw new IllegalArgumentException("unknown dialect '" + name
                    + "': use postgresql, mariadb or sqlite");
        };
    }
}
