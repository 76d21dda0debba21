package dev.autogen.sample.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.migrate.AutogenMigrations;
import dev.autogen.sql.Dialect;
import dev.autogen.test.SampleRows;
import dev.autogen.test.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kit's generated rows on a real model: the sample schema (uuids, timestamps with time zone, numeric, jsonb,
 * enum checks, composite unique constraints, chains of foreign keys) at head takes three rows in every table, on each
 * database (given a plain connection, as a project's own code may give it), so a data migration added to the sample would run on rows without a hand-written fixture.
 */
class SampleRowsOnSampleSchemaTest {

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE", "MARIADB"})
    void everySampleTableTakesThreeGeneratedRows(Dialect dialect) throws Exception {
        String url = TestDatabases.fresh(dialect, "sample_rows");
        try (Connection connection = DriverManager.getConnection(url)) {
            AutogenMigrations.forConnections(() -> DriverManager.getConnection(url))
                    .migrationsIn("dev.autogen.sample.migrations").dialect(dialect).upgrade();
            SampleRows.insert(connection, dialect);
            for (String table : List.of("tenants", "organizations", "users", "user_identities", "agents",
                    "executions")) {
                try (Statement statement = connection.createStatement();
                     ResultSet count = statement.executeQuery("select count(*) from " + table)) {
                    count.next();
                    assertEquals(3, count.getInt(1), table);
                }
            }
        }
    }
}
