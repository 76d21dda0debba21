package dev.autogen.migrate;

import static dev.autogen.dsl.Dsl.column;
import static dev.autogen.dsl.Dsl.integer;
import static dev.autogen.dsl.Dsl.sql;
import static dev.autogen.dsl.Dsl.table;
import static dev.autogen.dsl.Dsl.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.history.MigrationChecksum;
import dev.autogen.op.ExecuteDialectSql;
import dev.autogen.op.RunCallback;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Data migrations: per-dialect SQL ({@code execute(sql().postgres(..).sqlite(..))}) and Java callbacks
 * ({@code run(description, connection -> ...)}) run inside the revision's transaction, so a failure in either rolls
 * the whole revision back.
 */
class DataMigrationsTest {
    private static final LoadedMigration NOTES = revision("a1", null, schema -> schema.createTable(table("notes")
            .column(column("id", integer()))
            .column(column("body", varchar(100)))
            .column(column("slug", varchar(100)).nullable())
            .primaryKey("pk_notes", "id")));

    private ConnectionFactory connections;

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void perDialectSqlAndJavaCallbackRunOnTheMigratorsConnection(Dialect dialect) throws SQLException {
        var data = revision("a2", "a1", schema -> schema
                .execute(sql().postgres("insert into notes (id, body) values (1, 'pg row'), (2, 'pg two')")
                        .sqlite("insert into notes (id, body) values (1, 'lite row'), (2, 'lite two')"))
                .execute(sql().postgres("").sqlite("")) // nothing on either: allowed when said explicitly
                .run("slug every note", connection -> {
                    List<String> ids = new ArrayList<>();
                    try (Statement st = connection.createStatement();
                         ResultSet rs = st.executeQuery("select id, body from notes order by id")) {
                        while (rs.next()) {
                            ids.add(rs.getInt(1) + ":" + rs.getString(2).replace(' ', '-'));
                        }
                    }
                    try (var update = connection.prepareStatement("update notes set slug = ? where id = ?")) {
                        for (String row : ids) {
                            update.setString(1, row.substring(row.indexOf(':') + 1));
                            update.setInt(2, Integer.parseInt(row.substring(0, row.indexOf(':'))));
                            update.executeUpdate();
                        }
                    }
                }));
        Migrator migrator = migrator(dialect, NOTES, data);

        assertEquals(List.of("a1", "a2"), migrator.upgrade("head"));

        String prefix = dialect == Dialect.POSTGRESQL ? "pg" : "lite";
        assertEquals(List.of("1 " + prefix + " row " + prefix + "-row", "2 " + prefix + " two " + prefix + "-two"),
                rows("select id, body, slug from notes order by id"));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void aFailingCallbackRollsBackTheWholeRevision(Dialect dialect) throws SQLException {
        var failing = revision("a2", "a1", schema -> schema
                .createTable(table("audit").column(column("id", integer())).primaryKey("pk_audit", "id"))
                .execute(sql().otherwise("insert into notes (id, body) values (1, 'kept?')"))
                .run("check the notes", connection -> {
                    throw new SQLException("note 1 is not valid");
                }));
        Migrator migrator = migrator(dialect, NOTES, failing);

        var e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

        assertTrue(e.getMessage().startsWith("revision a2 failed at statement: RunCallback[description=check the"
                + " notes];"), e.getMessage());
        assertTrue(e.getMessage().contains("note 1 is not valid"), e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing of it was applied; fix the migration and run it again"),
                e.getMessage());
        assertEquals(List.of("a1"), migrator.current());
        assertEquals(List.of(), rows("select id from notes"));
        assertEquals(1, migrator.history().size());
        assertThrows(SQLException.class, () -> rows("select id from audit"));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void aCallbackCannotCommitTheRevisionsTransaction(Dialect dialect) throws SQLException {
        var committing = revision("a2", "a1", schema -> schema
                .execute(sql().otherwise("insert into notes (id, body) values (1, 'half')"))
                .run("commit early", Connection::commit));
        Migrator migrator = migrator(dialect, NOTES, committing);

        var e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

        assertTrue(e.getMessage().contains("the Java callback (commit early) called commit: the migrator owns the"
                + " revision's transaction"), e.getMessage());
        assertEquals(List.of(), rows("select id from notes"));
        assertEquals(List.of("a1"), migrator.current());
    }

    @Test
    void aDialectWithoutItsVariantIsAnErrorNamingTheFix() throws SQLException {
        var postgresOnly = revision("a2", "a1", schema -> schema
                .execute(sql().postgres("update notes set slug = body")));
        Migrator migrator = migrator(Dialect.SQLITE, NOTES, postgresOnly);

        var e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

        assertTrue(e.getMessage().contains("execute(sql()...) has no SQL for SQLite (update notes set slug = body):"
                + " add .sqlite(\"...\"), or .sqlite(\"\") when nothing is needed there"), e.getMessage());
        assertEquals(List.of("a1"), migrator.current());
    }

    @Test
    void theChecksumSeesTheCallbacksDescriptionAndTheSqlVariantsInDialectOrder() {
        Consumer<SchemaChanges> one = schema -> schema.run("fix data", c -> { })
                .execute(sql().sqlite("b").postgres("a"));
        Consumer<SchemaChanges> same = schema -> schema.run("fix data", c -> c.createStatement())
                .execute(sql().postgres("a").sqlite("b"));
        Consumer<SchemaChanges> renamed = schema -> schema.run("fix more data", c -> { })
                .execute(sql().postgres("a").sqlite("b"));
        assertEquals(MigrationChecksum.of(revision("x", null, one)), MigrationChecksum.of(revision("x", null, same)));
        assertTrue(!MigrationChecksum.of(revision("x", null, one)).equals(
                MigrationChecksum.of(revision("x", null, renamed))));
        var operations = revision("x", null, one).upgradeOperations();
        assertEquals("RunCallback[description=fix data]", operations.get(0).toString());
        assertEquals(new ExecuteDialectSql(Map.of(Dialect.POSTGRESQL, "a", Dialect.SQLITE, "b"), null),
                operations.get(1));
        assertEquals("ExecuteDialectSql[sql={POSTGRESQL=a, SQLITE=b}, reverseSql=null]", operations.get(1).toString());
        assertThrows(dev.autogen.op.IrreversibleOperationException.class,
                () -> ((RunCallback) operations.get(0)).reverse());
    }

    // ---- helpers

    /** A migration whose upgrade is {@code upgrade} and whose downgrade does nothing. */
    static LoadedMigration revision(String id, String parent, Consumer<SchemaChanges> upgrade) {
        Migration migration = new Migration() {
            @Override
            public void upgrade(SchemaChanges schema) {
                upgrade.accept(schema);
            }

            @Override
            public void downgrade(SchemaChanges schema) {
            }
        };
        return new LoadedMigration(id, parent == null ? List.of() : List.of(parent), "", "test." + id, migration, null);
    }

    private Migrator migrator(Dialect dialect, LoadedMigration... migrations) {
        String url = switch (dialect) {
            case POSTGRESQL -> TestDatabases.freshPostgres("data_migrations");
            case SQLITE -> TestDatabases.freshSqlite("data-migrations");
            case MARIADB -> dev.autogen.testing.TestMariadb.fresh("data_migrations");
        };
        connections = ConnectionFactory.of(url, null, null);
        return new Migrator(connections, dialect, List.of(migrations));
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connections.open(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }
}
