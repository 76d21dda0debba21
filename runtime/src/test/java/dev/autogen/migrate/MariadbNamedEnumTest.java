package dev.autogen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A revision that creates a PostgreSQL named enum type is refused on a real MariaDB before any of its statements
 * runs (MariaDB's native {@code enum(...)} columns are not built yet), instead of failing at the column whose type
 * MariaDB does not know after the statements before it have committed.
 */
class MariadbNamedEnumTest {
    @TempDir
    Path dir;

    private static String source(String className, String id, String parent, String upgrade) {
        return """
                package migrations;

                import static dev.autogen.dsl.Dsl.*;

                import dev.autogen.dsl.SchemaChanges;
                import dev.autogen.migrate.Migration;
                import dev.autogen.migrate.Revision;
                import java.util.List;

                @Revision(id = "%s"%s, message = "")
                public final class %s implements Migration {
                    @Override
                    public void upgrade(SchemaChanges schema) {
                        %s
                    }

                    @Override
                    public void downgrade(SchemaChanges schema) {
                    }
                }
                """.formatted(id, parent == null ? "" : ", parent = \"" + parent + "\"", className, upgrade);
    }

    @Test
    void aRevisionCreatingANamedEnumIsRefusedBeforeAnythingRuns() throws SQLException {
        MigrationFiles.writeText(dir, "V0001_Users", source("V0001_Users", "aaa111", null,
                "schema.execute(\"create table users (id integer primary key)\");"));
        MigrationFiles.writeText(dir, "V0002_Tier", source("V0002_Tier", "bbb222", "aaa111", """
                schema.addColumn("users", column("nickname", varchar(20)).nullable());
                        schema.createEnumType("tier", List.of("FREE", "PRO"));
                        schema.addColumn("users", column("tier", nativeType("tier")).nullable());"""));
        String url = TestMariadb.fresh("named_enum");
        Migrator migrator = new Migrator(ConnectionFactory.of(url, null, null), Dialect.MARIADB,
                new SourceDirectoryMigrationSource(dir).load());

        MigrationException refused = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

        assertTrue(refused.getMessage().contains("the PostgreSQL named enum type tier cannot be applied on MariaDB")
                && refused.getMessage().contains("nothing of it was applied"), refused.getMessage());
        assertEquals(List.of("id"), TestSql.strings(url, "select column_name from information_schema.columns"
                + " where table_schema = database() and table_name = 'users' order by 1"));
        assertEquals(List.of("aaa111"), migrator.current());
    }
}
