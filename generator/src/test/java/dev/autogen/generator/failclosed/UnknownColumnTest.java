package dev.autogen.generator.failclosed;

import static dev.autogen.generator.failclosed.FailClosedRun.autogen;
import static dev.autogen.generator.failclosed.FailClosedRun.migration;
import static dev.autogen.generator.failclosed.FailClosedRun.migrationSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15, item 5: SQLite refuses what PostgreSQL refuses. An index, a unique constraint or a foreign key on a column
 * that does not exist fails on both databases with an error naming the revision, and the revision leaves nothing
 * (SQLite alone would have read the unknown {@code "column"} as a string and indexed a constant).
 */
class UnknownColumnTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            postgresql | schema.createIndex("ix_bad", "counter", "nosuchcol");                      | nosuchcol
            sqlite     | schema.createIndex("ix_bad", "counter", "nosuchcol");                      | counter.nosuchcol
            postgresql | schema.addUniqueConstraint("counter", "uq_bad", "id", "nosuchcol");        | nosuchcol
            sqlite     | schema.addUniqueConstraint("counter", "uq_bad", "id", "nosuchcol");        | counter.nosuchcol
            """)
    void anIndexOrConstraintOnAMissingColumnFailsAndLeavesNothing(String dialect, String badCall, String named)
            throws Exception {
        String url = dialect.equals("postgresql") ? TestDatabases.freshPostgres("unknown_column")
                : TestDatabases.freshSqlite("unknown_column");
        Path migrations = FailClosedRun.scratch("unknown-column");
        migration(migrations, "V0001_Counter", migrationSource("V0001_Counter", "id = \"c10000000001\"",
                "schema.createTable(table(\"counter\").column(column(\"id\", integer())).primaryKey(\"pk_counter\","
                        + " \"id\"));",
                "schema.dropTable(\"counter\");"));
        // the bad operation comes after a good one in the same revision: the good one must be rolled back too
        migration(migrations, "V0002_Bad", migrationSource("V0002_Bad",
                "id = \"c20000000002\", parent = \"c10000000001\"",
                "schema.createTable(table(\"other\").column(column(\"id\", integer())).primaryKey(\"pk_other\","
                        + " \"id\")); " + badCall,
                "schema.dropTable(\"other\");"));

        FailClosedRun run = autogen("--url", url, "--migrations", migrations.toString(), "upgrade").assertExit(3);
        assertEquals(1, run.err().lines().count(), run::toString);
        String line = run.err().strip();
        assertTrue(line.contains("revision c20000000002"), line);
        assertTrue(line.contains(named), line);
        assertEquals(List.of("autogen_history", "autogen_version", "counter"), FailClosedRun.tables(url));
        assertEquals(List.of("c10000000001"), FailClosedRun.rows(url, "select revision from autogen_version"));
        assertEquals(List.of(), FailClosedRun.rows(url, dialect.equals("postgresql")
                ? "select indexname from pg_indexes where tablename = 'counter' and indexname <> 'pk_counter'"
                : "select name from sqlite_master where type = 'index' and tbl_name = 'counter'"
                        + " and name not like 'sqlite_autoindex%'"));
    }
}
