package dev.autogen.sql.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.SchemaInterpreter;
import dev.autogen.op.ExecuteSql;
import dev.autogen.op.Operation;
import dev.autogen.schema.Schema;
import dev.autogen.sql.PostgresCatalogSnapshot;
import dev.autogen.sql.SampleSchema;
import dev.autogen.sql.SampleSchema.Case;
import dev.autogen.sql.Statement;
import dev.autogen.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation kind on a real PostgreSQL: start from {@link SampleSchema#BASE} created by rendering its
 * {@code CreateTable}s, run the operation's statements, and check the catalog three ways: it shows the expected
 * line; it equals the catalog of a database created directly from the interpreter's result (so renderer and
 * interpreter agree); and after the reverse operation it is exactly the original catalog again.
 */
class PostgresOperationsTest {
    private static final PostgresDdlRenderer RENDERER = new PostgresDdlRenderer();
    private static Connection connection;

    @BeforeAll
    static void open() throws SQLException {
        connection = DriverManager.getConnection(TestDatabases.freshPostgres("pg_ops"));
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    static List<Case> cases() {
        return SampleSchema.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void operationChangesTheCatalogAndItsReverseRestoresIt(Case testCase) throws SQLException {
        Operation operation = testCase.operation();
        Schema after = SchemaInterpreter.apply(SampleSchema.BASE, operation);
        reset();
        build(SampleSchema.BASE);
        List<String> original = PostgresCatalogSnapshot.of(connection);

        run(RENDERER.render(operation, SampleSchema.BASE));
        List<String> migrated = PostgresCatalogSnapshot.of(connection);
        assertNotEquals(original, migrated, "the operation changed nothing");
        if (testCase.postgresLine() != null) {
            assertTrue(migrated.contains(testCase.postgresLine()),
                    () -> "expected «" + testCase.postgresLine() + "» in\n" + String.join("\n", migrated));
        }

        run(RENDERER.render(operation.reverse(), after));
        assertEquals(String.join("\n", original), String.join("\n", PostgresCatalogSnapshot.of(connection)),
                "the reverse operation restores the original catalog");

        if (!(operation instanceof ExecuteSql)) { // raw SQL is opaque to the interpreter
            reset();
            build(after);
            assertEquals(String.join("\n", PostgresCatalogSnapshot.of(connection)), String.join("\n", migrated),
                    "the migrated catalog equals one created directly from the interpreted schema");
        }
    }

    private static void reset() throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("drop schema public cascade");
            statement.execute("create schema public");
        }
    }

    private static void build(Schema schema) throws SQLException {
        for (Operation operation : SampleSchema.creation(schema)) {
            run(RENDERER.render(operation, Schema.EMPTY));
        }
    }

    private static void run(List<Statement> statements) throws SQLException {
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            for (Statement s : statements) {
                assertTrue(s.transactional());
                statement.execute(s.sql());
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
