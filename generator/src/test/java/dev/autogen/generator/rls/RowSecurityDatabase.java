package dev.autogen.generator.rls;

import dev.autogen.generator.catalog.CatalogReader;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestSql;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What the row-level security tests need of their PostgreSQL database: the non-superuser roles they connect as (a
 * superuser bypasses every policy, so a test run as one would prove nothing), created once per database cluster, each
 * with its name as its password; URLs for those roles; and the catalog as autogen reads it.
 */
final class RowSecurityDatabase {
    private RowSecurityDatabase() {
    }

    /**
     * Creates the {@code login} roles (nosuperuser, nobypassrls) and {@code nologin} roles that do not exist yet, and
     * lets {@code owner} create tables in schema {@code public}.
     */
    static void create(String adminUrl, String owner, String[] login, String... nologin) throws SQLException {
        String logins = Arrays.stream(login).map(role -> """
                  if not exists (select from pg_roles where rolname = '%1$s') then
                    create role %1$s login password '%1$s' nosuperuser nobypassrls;
                  end if;
                """.formatted(role)).collect(Collectors.joining());
        String others = Arrays.stream(nologin).map(role -> """
                  if not exists (select from pg_roles where rolname = '%1$s') then
                    create role %1$s nologin;
                  end if;
                """.formatted(role)).collect(Collectors.joining());
        TestSql.execute(adminUrl, "do $$ begin\n" + logins + others + "end $$",
                "grant usage, create on schema public to " + owner);
    }

    /** The catalog of {@code url}'s default schema, as autogen's PostgreSQL reader sees it. */
    static Schema catalog(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            return CatalogReader.forDialect(Dialect.POSTGRESQL).read(connection, null);
        }
    }

    /** {@code url} (a PostgreSQL JDBC URL with user and password parameters) for {@code role} instead. */
    static String as(String url, String role) {
        return url.substring(0, url.indexOf('?')) + "?user=" + role + "&password=" + role;
    }
}
