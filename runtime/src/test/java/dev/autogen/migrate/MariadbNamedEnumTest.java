package dev.autogen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.migrate.discovery.SourceDirectoryMigrationSource;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestMariadb;
import dev.autogen.testing.TestSql;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations written on PostgreSQL with a named enum ({@code createEnumType}, columns of {@code native("tier")},
 * {@code alterEnumType}) applied unchanged to a real MariaDB: the columns are native {@code enum(...)} columns with the
 * values the type has at each revision, a later revision's new column of the type too, an altered type modifies every
 * column of it, and the downgrades put each back.
 */
class MariadbNamedEnumTest {
    @TempDir
    Path dir;

    private static List<String> columnTypes(String url) throws SQLException {
        return TestSql.strings(url, "select concat(table_name, '.', column_name, ' ', column_type) from"
                + " information_schema.columns where table_schema = database() and table_name in ('users', 'teams')"
                + " order by table_name, ordinal_position");
    }

    @Test
    void aPostgresqlNamedEnumBecomesNativeEnumColumnsThroughItsRevisions() throws SQLException {
        MigrationFiles.writeText(dir, "V0001_Tier", MigrationFiles.dslSource("V0001_Tier", "aaa111", null, """
                schema.createEnumType("tier", List.of("FREE", "PRO"));
                        schema.createTable(table("users").column(column("id", integer()))
                                .column(column("tier", nativeType("tier")).nullable()).primaryKey("pk_users", "id"));""",
                """
                schema.dropTable("users");
                        schema.dropEnumType("tier", List.of("FREE", "PRO"));"""));
        MigrationFiles.writeText(dir, "V0002_Teams", MigrationFiles.dslSource("V0002_Teams", "bbb222", "aaa111", """
                schema.createTable(table("teams").column(column("id", integer())).primaryKey("pk_teams", "id"));
                        schema.addColumn("teams", column("tier", nativeType("tier")).nullable());""",
                "schema.dropTable(\"teams\");"));
        MigrationFiles.writeText(dir, "V0003_Enterprise", MigrationFiles.dslSource("V0003_Enterprise", "ccc333", "bbb222",
                "schema.alterEnumType(\"tier\", List.of(\"FREE\", \"PRO\", \"ENTERPRISE\"), List.of(\"FREE\", \"PRO\"));",
                "schema.alterEnumType(\"tier\", List.of(\"FREE\", \"PRO\"), List.of(\"FREE\", \"PRO\", \"ENTERPRISE\"));"));
        String url = TestMariadb.fresh("named_enum");
        Migrator migrator = new Migrator(ConnectionFactory.of(url, null, null), Dialect.MARIADB,
                new SourceDirectoryMigrationSource(dir).load());

        migrator.upgrade("bbb222");
        assertEquals(List.of("teams.id int(11)", "teams.tier enum('FREE','PRO')", "users.id int(11)",
                "users.tier enum('FREE','PRO')"), columnTypes(url));

        migrator.upgrade("head");
        TestSql.execute(url, "insert into users values (1, 'ENTERPRISE')");
        assertEquals(List.of("teams.id int(11)", "teams.tier enum('FREE','PRO','ENTERPRISE')", "users.id int(11)",
                "users.tier enum('FREE','PRO','ENTERPRISE')"), columnTypes(url));

        TestSql.execute(url, "delete from users");
        migrator.downgrade("aaa111");
        assertEquals(List.of("users.id int(11)", "users.tier enum('FREE','PRO')"), columnTypes(url));
        migrator.downgrade("base");
        assertEquals(List.of(), columnTypes(url));
    }
}
