package dev.autogen.generator.failclosed;

import static dev.autogen.generator.failclosed.FailClosedRun.autogen;
import static dev.autogen.generator.failclosed.FailClosedRun.migration;
import static dev.autogen.generator.failclosed.FailClosedRun.migrationSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15, item 4: text from a migration (its message, its ids) cannot add statements to an offline script. Messages
 * carrying newlines, a NUL and SQL are written as one comment line each; a revision id that is not an id is refused
 * when the migrations are loaded. The scripts run through the database's own client ({@code psql}, {@code sqlite3}),
 * and the catalog afterwards is the proof.
 */
class OfflineScriptInjectionTest {
    /** In a Java string literal: ends the comment line, closes the transaction, drops the victim, hides a BEGIN. */
    private static final String HOSTILE = "evil\\n-- x\\nCOMMIT;\\ndrop table victim;\\r\\n\\0BEGIN;\\u2028drop table"
            + " victim; */";

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void aMessageWithNewlinesAndANulStaysAComment(String dialect) throws Exception {
        String url = url(dialect, "inject_message");
        FailClosedRun.execute(url, "create table victim (id integer primary key)");
        Path migrations = FailClosedRun.scratch("inject-message");
        migration(migrations, "V0001_One", migrationSource("V0001_One",
                "id = \"a10000000001\", message = \"" + HOSTILE + "\"",
                "schema.createTable(table(\"t_one\").column(column(\"id\", integer())).primaryKey(\"pk_t_one\", \"id\"));",
                "schema.dropTable(\"t_one\");"));
        // the second revision fails half-way: it must have run inside its own BEGIN ... COMMIT to leave nothing
        migration(migrations, "V0002_Two", migrationSource("V0002_Two",
                "id = \"a20000000002\", parent = \"a10000000001\", message = \"nul\\0" + HOSTILE + "\"",
                "schema.createTable(table(\"t_two\").column(column(\"id\", integer())).primaryKey(\"pk_t_two\", \"id\"));"
                        + " schema.execute(\"insert into no_such_table values (1)\");",
                "schema.dropTable(\"t_two\");"));

        FailClosedRun script = autogen("--url", url, "--migrations", migrations.toString(), "upgrade", "--sql")
                .assertExit(0);
        assertFalse(script.out().contains("\0"), script.out());
        assertFalse(script.out().contains("\u2028"), script.out());
        assertEquals(2, script.out().split("\nBEGIN;\n", -1).length - 1, script.out());
        for (String line : script.out().split("\n")) {
            assertFalse(line.startsWith("drop table"), () -> "a statement escaped its comment: " + line);
        }

        FailClosedRun.ClientRun run = FailClosedRun.client(url, script.out());
        assertNotEquals(0, run.exitCode(), "the failing statement must stop the script: " + run.output());
        assertTrue(run.output().contains("no_such_table"), run.output());
        // the victim survived; the first revision committed; the second rolled back entirely
        assertEquals(List.of("autogen_history", "autogen_version", "t_one", "victim"), FailClosedRun.tables(url));
        assertEquals(List.of("a10000000001"), FailClosedRun.rows(url, "select revision from autogen_version"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void aRevisionIdThatIsNoIdIsRefusedWhereTheMigrationsAreLoaded(String dialect) throws Exception {
        String url = url(dialect, "inject_id");
        FailClosedRun.execute(url, "create table victim (id integer primary key)");
        Path migrations = FailClosedRun.scratch("inject-id");
        migration(migrations, "V0001_One", migrationSource("V0001_One",
                "id = \"a1\\ndrop table victim;\", message = \"one\"",
                "schema.createTable(table(\"t_one\").column(column(\"id\", integer())).primaryKey(\"pk_t_one\", \"id\"));",
                "schema.dropTable(\"t_one\");"));
        for (List<String> command : List.of(List.of("upgrade", "--sql"), List.of("upgrade"), List.of("history"))) {
            List<String> args = new java.util.ArrayList<>(List.of("--url", url, "--migrations", migrations.toString()));
            args.addAll(command);
            String line = autogen(args.toArray(String[]::new)).assertOneLineError(2);
            assertTrue(line.contains("invalid @Revision id 'a1\\u000adrop table victim;'"), line);
            assertTrue(line.contains("V0001_One"), line);
        }
        assertEquals(List.of("victim"), FailClosedRun.tables(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"parent = \"x y\"", "dependsOn = \"it's\"", "parent = \"head\""})
    void aParentOrDependencyThatIsNoIdIsRefusedToo(String attribute) throws Exception {
        Path migrations = FailClosedRun.scratch("inject-parent");
        migration(migrations, "V0001_One", migrationSource("V0001_One", "id = \"a1\", " + attribute,
                "schema.execute(\"select 1\");", ""));
        String line = autogen("--url", "jdbc:sqlite:unused.db", "--migrations", migrations.toString(), "upgrade",
                "--sql").assertOneLineError(2);
        assertTrue(line.contains("invalid @Revision " + attribute.substring(0, attribute.indexOf(' '))), line);
    }

    private static String url(String dialect, String hint) {
        return dialect.equals("postgresql") ? TestDatabases.freshPostgres(hint) : TestDatabases.freshSqlite(hint);
    }
}
