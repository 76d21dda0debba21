package dev.autogen.sql;

import static dev.autogen.dsl.Dsl.bigint;
import static dev.autogen.dsl.Dsl.column;
import static dev.autogen.dsl.Dsl.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.SchemaInterpreter;
import dev.autogen.op.Operation;
import dev.autogen.op.SetComment;
import dev.autogen.schema.Schema;
import dev.autogen.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SetComment}: the exact PostgreSQL, nothing on SQLite, the replay, the reverse, the DSL and a real run. */
class TableCommentDdlTest {

    private static List<String> postgres(Operation operation) {
        return DdlRenderer.forDialect(Dialect.POSTGRESQL).render(operation, Schema.EMPTY).stream()
                .map(Statement::sql).toList();
    }

    @Test
    void postgresSetsAndClearsTheComment() {
        assertEquals(List.of("comment on table \"customer\" is 'people who buy'"),
                postgres(new SetComment("customer", "people who buy", null)));
        assertEquals(List.of("comment on table \"odd \"\"name\"\"\" is 'it''s'"),
                postgres(new SetComment("odd \"name\"", "it's", "old")));
        assertEquals(List.of("comment on table \"customer\" is null"),
                postgres(new SetComment("customer", null, "people who buy")));
    }

    @Test
    void sqliteRendersNothing() {
        assertEquals(List.of(), DdlRenderer.forDialect(Dialect.SQLITE)
                .render(new SetComment("customer", "people who buy", null), Schema.EMPTY));
    }

    @Test
    void theInterpreterReplaysAndTheReverseRestoresExactly() {
        Schema plain = new Schema(List.of(table("customer").column(column("id", bigint())).toTable()), List.of());
        SetComment set = new SetComment("customer", "people who buy", null);
        Schema commented = SchemaInterpreter.apply(plain, set);
        assertEquals("people who buy", commented.table("customer").orElseThrow().comment());
        assertEquals(new SetComment("customer", null, "people who buy"), set.reverse());
        assertEquals(plain, SchemaInterpreter.apply(commented, set.reverse()));
    }

    @Test
    void theDslRecordsThePreviousComment() {
        SchemaChanges schema = new SchemaChanges()
                .setComment("customer", "people who buy", null)
                .setComment("customer", null, "people who buy");
        assertEquals(List.of(new SetComment("customer", "people who buy", null),
                new SetComment("customer", null, "people who buy")), schema.operations());
    }

    @Test
    void postgresStoresAndRemovesIt() throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabases.freshPostgres("table_comment"))) {
            c.createStatement().execute("create table \"customer\" (\"id\" bigint)");
            for (String sql : postgres(new SetComment("customer", "it's people", null))) {
                c.createStatement().execute(sql);
            }
            assertEquals("it's people", comment(c));
            for (String sql : postgres(new SetComment("customer", null, "it's people"))) {
                c.createStatement().execute(sql);
            }
            assertNull(comment(c));
        }
    }

    private static String comment(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement()
                .executeQuery("select obj_description('\"customer\"'::regclass, 'pg_class')")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
