package dev.autogen.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.discovery.ClassPathMigrationSource;
import dev.autogen.sql.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rows the kit puts in a database before a data migration hold on every database: parents first, every foreign key
 * pointing at a parent row, enum checks met, keys distinct.
 */
class SampleRowsTest {

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE", "MARIADB"})
    void fillsParentsFirstWithValuesTheConstraintsAccept(Dialect dialect) throws Exception {
        String url = TestDatabases.fresh(dialect, "sample_rows");
        MigrationRuns.migrator(url, dialect,
                new ClassPathMigrationSource(getClass().getClassLoader(), "dev.autogen.test.fixtures.good").load())
                .upgrade("a00000000001");

        try (Connection connection = MigrationRuns.connect(url)) {
            SampleRows.insert(connection, dialect);
        }

        assertEquals(List.of("3"), strings(url, "select count(*) from authors"));
        // each note points at its own author: the parents were filled first
        assertEquals(List.of("1|r1|DRAFT|1", "2|r2|PUBLISHED|2", "3|r3|DRAFT|3"), strings(url,
                "select n.id, n.title, n.state, a.id from notes n"
                        + " join authors a on a.id = n.author_id order by n.id"));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE", "MARIADB"})
    void aCheckTheRowsCannotMeetIsReportedWithTableRowAndWhatToDo(Dialect dialect) throws Exception {
        String url = TestDatabases.fresh(dialect, "sample_rows_check");
        try (Connection connection = MigrationRuns.connect(url)) {
            connection.createStatement().execute("create table codes (code varchar(10) not null,"
                    + " constraint ck_codes_long check (length(code) > 5))");
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> SampleRows.insert(connection, dialect));
            assertTrue(refused.getMessage().startsWith("cannot insert sample row 1 into codes: "), refused.getMessage());
            assertTrue(refused.getMessage().contains("ck_codes_long") || dialect == Dialect.SQLITE, refused.getMessage());
            assertTrue(refused.getMessage().endsWith("put rows of your own in with"
                    + " MigrationTestSuite.insertRowsBefore)"), refused.getMessage());
        }
        assertEquals(List.of("0"), strings(url, "select count(*) from codes"));
    }

    /** Each row of the result, its columns joined by {@code |}. */
    private static List<String> strings(String url, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = MigrationRuns.connect(url); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                values.add(String.join("|", row));
            }
        }
        return values;
    }
}
