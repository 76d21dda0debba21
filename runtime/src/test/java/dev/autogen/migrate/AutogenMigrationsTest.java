package dev.autogen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What an application does at start-up: {@code AutogenMigrations.forDataSource(ds).migrationsIn(pkg).upgrade()},
 * with compiled migrations ({@code fixtures.notes}) and a plain {@link DataSource}; the dialect comes from the
 * connection.
 */
class AutogenMigrationsTest {
    private static final String PACKAGE = "dev.autogen.migrate.fixtures.notes";

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void upgradesAtStartUpAndReportsProgress(Dialect dialect) throws SQLException {
        var dataSource = new UrlDataSource(url(dialect));
        List<String> progress = new ArrayList<>();
        AutogenMigrations migrations = AutogenMigrations.forDataSource(dataSource)
                .migrationsIn(PACKAGE)
                .appliedBy("app")
                .listener(progress::add);

        assertEquals(List.of("b10000000001", "b20000000002"), migrations.upgrade());

        assertEquals(2, progress.size(), progress::toString);
        assertTrue(progress.get(0).startsWith("applying b10000000001 notes … "), progress::toString);
        assertTrue(progress.get(1).startsWith("applying b20000000002 notes data … "), progress::toString);
        String body = dialect == Dialect.POSTGRESQL ? "from postgres" : "from sqlite";
        assertEquals(List.of("1 " + body + " " + body.replace(' ', '-')),
                rows(dataSource, "select id, body, slug from notes"));
        assertEquals(List.of("b10000000001 app", "b20000000002 app"),
                rows(dataSource, "select revision, applied_by from autogen_history order by id"));
        assertEquals(List.of("b20000000002"), migrations.current());
        // a second start finds nothing to do; every connection the runs opened was closed again
        assertEquals(List.of(), migrations.upgrade());
        assertEquals(0, dataSource.open.get());
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void pendingSqlShowsWhatUpgradeWouldRunFromWhereTheDatabaseIs(Dialect dialect) {
        var dataSource = new UrlDataSource(url(dialect));
        AutogenMigrations migrations = AutogenMigrations.forDataSource(dataSource).migrationsIn(PACKAGE);
        migrations.upgrade("b10000000001");

        String script = migrations.pendingSql();

        assertTrue(script.startsWith("-- autogen upgrade b10000000001 -> head for " + dialect.displayName()
                + ", generated offline\n-- 1 revision: b20000000002;"), script);
        assertTrue(script.contains("\n-- NOT RUN: Java callback \"slug every note\""), script);
        assertTrue(script.contains("\nupdate \"autogen_version\" set \"revision\" = 'b20000000002' where"
                + " \"revision\" = 'b10000000001';\n"), script);
        assertEquals(List.of("b10000000001"), migrations.current(), "pendingSql changed the database");
        assertEquals(List.of("b20000000002"), migrations.upgrade());
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void withoutAPackageItSaysWhatIsMissing(Dialect dialect) {
        var e = assertThrows(IllegalStateException.class,
                () -> AutogenMigrations.forDataSource(new UrlDataSource(url(dialect))).upgrade());
        assertEquals("say where the migrations are: migrationsIn(\"com.acme.db.migrations\")", e.getMessage());
    }

    private static String url(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> TestDatabases.freshPostgres("autogen_migrations");
            case SQLITE -> TestDatabases.freshSqlite("autogen-migrations");
            case MARIADB -> dev.autogen.testing.TestMariadb.fresh("autogen_migrations");
        };
    }

    private static List<String> rows(DataSource dataSource, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
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

    /** The smallest real {@link DataSource}: a JDBC URL, counting the connections still open. */
    private static final class UrlDataSource implements DataSource {
        private final String url;
        final AtomicInteger open = new AtomicInteger();

        UrlDataSource(String url) {
            this.url = url;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection c = DriverManager.getConnection(url);
            open.incrementAndGet();
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && !c.isClosed()) {
                            open.decrementAndGet();
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
