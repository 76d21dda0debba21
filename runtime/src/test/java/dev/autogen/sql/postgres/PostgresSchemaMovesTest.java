package dev.autogen.sql.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.op.RenameTable;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Statement;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestSql;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Renames of tables whose names carry a schema ({@code archive.customer}), on a real PostgreSQL: within a schema, into
 * another schema (created when missing), and back into the default one (whose name is only known when the statement
 * runs), each keeping its rows.
 */
class PostgresSchemaMovesTest {
    private static final PostgresDdlRenderer RENDERER = new PostgresDdlRenderer();

    @Test
    void tablesMoveBetweenSchemasWithTheirRows() throws SQLException {
        String url = TestDatabases.freshPostgres("pg_schema_moves");
        TestSql.execute(url, "create table customer (id integer primary key)", "insert into customer values (7)");

        run(url, new RenameTable("customer", "archive.old_customer"));
        assertEquals(List.of("archive.old_customer 7"), rows(url));

        run(url, new RenameTable("archive.old_customer", "archive.customer"));
        assertEquals(List.of("archive.customer 7"), rows(url));

        run(url, new RenameTable("archive.customer", "client"));
        assertEquals(List.of("public.client 7"), rows(url));
    }

    private static void run(String url, RenameTable rename) throws SQLException {
        TestSql.execute(url, RENDERER.render(rename, Schema.EMPTY).stream().map(Statement::sql)
                .toArray(String[]::new));
    }

    /** Every user table as {@code schema.table id}, with the ids it holds. */
    private static List<String> rows(String url) throws SQLException {
        List<String> tables = TestSql.strings(url, "select table_schema || '.' || table_name"
                + " from information_schema.tables where table_schema in ('public', 'archive') order by 1");
        List<String> rows = new ArrayList<>();
        for (String table : tables) {
            String quoted = "\"" + table.replace(".", "\".\"") + "\"";
            TestSql.strings(url, "select id from " + quoted).forEach(id -> rows.add(table + " " + id));
        }
        return rows;
    }
}
