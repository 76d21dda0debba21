package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.MigrationFiles;
import dev.autogen.testing.TestMariadb;
import dev.autogen.testing.TestSql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code autogen upgrade} on MariaDB when a revision fails at its third statement: exit 3 and one line naming the two
 * statements that ran and stayed applied (by ordinal and first line) and the one that failed; after the fix, the next
 * {@code upgrade} resumes after them and exits 0.
 */
class CliHalfRunRevisionTest {
    private static final String ORDERS = "create table orders (id integer primary key)";
    private static final String PHONE = "alter table users add column phone varchar(20)";

    @Test
    void aHalfRunRevisionIsExit3NamingWhatRanThenResumes() throws IOException, SQLException {
        Path migrations = Files.createDirectories(ScratchDirectory.create("cli-half-run").resolve("migrations"));
        String url = TestMariadb.fresh("cli_half_run");
        MigrationFiles.write(migrations, "V0001_Users", "aaa111", null, "users",
                List.of("create table users (id integer primary key)"), List.of("drop table users"));
        writeSecond(migrations, "alter table missing_table add column total integer");

        CliOutcome failed = autogen(url, migrations, "upgrade");

        assertEquals(3, failed.exitCode(), failed::toString);
        assertEquals(1, failed.err().lines().count(), failed::toString);
        String line = failed.err().strip();
        assertTrue(line.startsWith("autogen: revision bbb222 (orders) failed at statement #3 of 3 (alter table"
                + " missing_table add column total integer); database says: "), line);
        assertTrue(line.contains("stayed applied: #1 " + ORDERS + "; #2 " + PHONE + " (recorded in"
                + " autogen_statement_journal); fix the migration and run upgrade again to resume after statement #2,"
                + " or downgrade to revert them"), line);
        assertEquals(List.of("2"), TestSql.rows(url, "select count(*) from autogen_statement_journal"));

        writeSecond(migrations, "alter table orders add column total integer");
        CliOutcome resumed = autogen(url, migrations, "upgrade");

        assertEquals(0, resumed.exitCode(), resumed::toString);
        assertTrue(resumed.out().contains("resuming bbb222 (orders) after statement 2 of 3"), resumed::toString);
        assertEquals(List.of("id", "total"), TestSql.rows(url, "select column_name from information_schema.columns"
                + " where table_schema = database() and table_name = 'orders' order by 1"));
        assertEquals(List.of("bbb222"), TestSql.rows(url, "select revision from autogen_version"));
        assertEquals(List.of("0"), TestSql.rows(url, "select count(*) from autogen_statement_journal"));
    }

    private static void writeSecond(Path migrations, String third) {
        MigrationFiles.write(migrations, "V0002_Orders", "bbb222", "aaa111", "orders", List.of(ORDERS, PHONE, third),
                List.of("drop table orders", "alter table users drop column phone"));
    }

    private static CliOutcome autogen(String url, Path migrations, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url, "--migrations", migrations.toString(),
                "--migrations-package", "migrations"));
        all.addAll(List.of(args));
        return CliOutcome.run(all.toArray(String[]::new));
    }
}
