package dev.autogen.sql.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.SchemaInterpreter;
import dev.autogen.op.ExecuteSql;
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.schema.Schema;
import dev.autogen.sql.SampleSchema;
import dev.autogen.sql.SampleSchema.Case;
import dev.autogen.sql.SqliteCatalogSnapshot;
import dev.autogen.sql.Statement;
import dev.autogen.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation kind on a real SQLite file: start from {@link SampleSchema#BASE} created by rendering its
 * {@code CreateTable}s, run the operation's statements the way the migrator does (foreign keys off, one transaction,
 * {@code foreign_key_check} before commit), and check the catalog: it shows the expected line; its structure equals
 * that of a database created directly from the interpreter's result (and so do the stored {@code create} texts when
 * the table was rebuilt); after the reverse operation it is exactly the original catalog, texts included.
 */
class SqliteOperationsTest {
    private static final SqliteDdlRenderer RENDERER = new SqliteDdlRenderer();

    static List<Case> cases() {
        return SampleSchema.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void operationChangesTheCatalogAndItsReverseRestoresIt(Case testCase) throws SQLException {
        Operation operation = testCase.operation();
        Schema after = SchemaInterpreter.apply(SampleSchema.BASE, operation);
        List<Statement> statements = RENDERER.render(operation, SampleSchema.BASE);
        List<String> migrated;
        try (Connection connection = build(SampleSchema.BASE)) {
            List<String> original = SqliteCatalogSnapshot.full(connection);

            run(connection, statements);
            migrated = SqliteCatalogSnapshot.full(connection);
            if (testCase.sqliteLine() == null && statements.isEmpty()) {
                assertEquals(original, migrated);
            } else {
                assertNotEquals(original, migrated, "the operation changed nothing");
            }
            if (testCase.sqliteLine() != null) {
                assertTrue(migrated.contains(testCase.sqliteLine()),
                        () -> "expected «" + testCase.sqliteLine() + "» in\n" + String.join("\n", migrated));
            }

            run(connection, RENDERER.render(operation.reverse(), after));
            // renaming a column makes SQLite rewrite check expressions with the name quoted ("qty" >= 0): same
            // meaning, different text, so only the structure is compared then
            boolean textsRewritten = operation instanceof RenameColumn;
            assertEquals(String.join("\n", textsRewritten ? structure(original) : original),
                    String.join("\n", textsRewritten ? SqliteCatalogSnapshot.structure(connection)
                            : SqliteCatalogSnapshot.full(connection)),
                    "the reverse operation restores the original catalog");
        }
        if (!(operation instanceof ExecuteSql)) { // raw SQL is opaque to the interpreter
            boolean rebuilt = statements.stream().anyMatch(s -> s.sql().contains("_autogen_new_"));
            try (Connection fresh = build(after)) {
                List<String> expected = rebuilt ? SqliteCatalogSnapshot.full(fresh) : SqliteCatalogSnapshot.structure(fresh);
                List<String> actual = rebuilt ? migrated : structure(migrated);
                assertEquals(String.join("\n", expected), String.join("\n", actual),
                        "the migrated catalog equals one created directly from the interpreted schema");
            }
        }
    }

    private static List<String> structure(List<String> fullSnapshot) {
        return fullSnapshot.stream().filter(line -> !line.startsWith("sql ")).toList();
    }

    private static Connection build(Schema schema) throws SQLException {
        Connection connection = DriverManager.getConnection(TestDatabases.freshSqlite("sqlite_ops"));
        for (Operation operation : SampleSchema.creation(schema)) {
            run(connection, RENDERER.render(operation, Schema.EMPTY));
        }
        return connection;
    }

    /** As the migrator runs a revision: foreign keys off, one transaction, {@code foreign_key_check} before commit. */
    static void run(Connection connection, List<Statement> statements) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("pragma foreign_keys = off");
            connection.setAutoCommit(false);
            try {
                for (Statement s : statements) {
                    assertTrue(s.transactional());
                    statement.execute(s.sql());
                }
                try (var violations = statement.executeQuery("pragma foreign_key_check")) {
                    assertTrue(!violations.next(), "foreign_key_check reports a violation");
                }
                connection.commit();
            } catch (SQLException | RuntimeException | AssertionError e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
