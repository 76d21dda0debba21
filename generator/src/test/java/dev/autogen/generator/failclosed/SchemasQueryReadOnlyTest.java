package dev.autogen.generator.failclosed;

import static dev.autogen.generator.failclosed.FailClosedRun.autogen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.testing.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 7: {@code --schemas-query} only reads. A second statement is refused before anything connects
 * (exit 2), and a single statement that writes fails in its read-only transaction (exit 3) and keeps nothing.
 */
class SchemasQueryReadOnlyTest {
    private static final String SAMPLES = "../migrations/src/main/java";

    @Test
    void aQueryThatWritesIsRefusedAndTheVictimSurvives() throws Exception {
        String url = TestDatabases.freshPostgres("schemas_query");
        FailClosedRun.execute(url, "create table victim (id integer primary key)");
        FailClosedRun.execute(url, "insert into victim values (1), (2)");

        String twoStatements = autogen("--url", url, "--migrations", SAMPLES, "upgrade", "--schemas-query",
                "select 1; drop table victim").assertOneLineError(2);
        assertEquals("autogen: --schemas-query: the schemas query must be one statement (a select), not several:"
                + " select 1; drop table victim", twoStatements);

        String writing = autogen("--url", url, "--migrations", SAMPLES, "upgrade", "--schemas-query",
                "with gone as (delete from victim returning id) select 'tenant_' || id from gone")
                .assertOneLineError(3);
        assertTrue(writing.contains("read-only transaction"), writing);

        String function = autogen("--url", url, "--migrations", SAMPLES, "downgrade", "base", "--allow-data-loss",
                "--schemas-query",
                "select nspname from pg_namespace where nspname = 'x;y' and pg_catalog.pg_advisory_lock(1) is null"
                        + " union all select 'a' from (select 1) t where (select count(*) from victim) < 0")
                .assertExit(0).out();
        // a ';' inside a string is not a second statement
        assertTrue(function.endsWith("\nNo schemas to migrate: the query returned no rows.\n"), function);

        assertEquals(List.of("1", "2"), FailClosedRun.rows(url, "select id from victim order by id"));
        assertEquals(List.of("victim"), FailClosedRun.tables(url));
    }
}
