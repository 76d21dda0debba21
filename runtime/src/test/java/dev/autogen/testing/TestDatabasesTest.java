package dev.autogen.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class TestDatabasesTest {
    @Test
    void eachCallGivesASeparateEmptyPostgresDatabase() throws Exception {
        String a = TestDatabases.freshPostgres("a");
        String b = TestDatabases.freshPostgres("b");
        assertNotEquals(a, b);
        try (Connection c = DriverManager.getConnection(a)) {
            c.createStatement().execute("create table only_in_a (id int)");
        }
        try (Connection c = DriverManager.getConnection(b);
             ResultSet rs = c.createStatement().executeQuery(
                     "select count(*) from pg_tables where tablename = 'only_in_a'")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }
}
