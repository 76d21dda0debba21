package dev.autogen.generator.cli;

import static dev.autogen.testing.TestSql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import dev.autogen.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --profile} from the command line with the repository's sample migrations: the offline script commits each
 * statement alone under {@code cockroachdb}; a run on PostgreSQL under that profile takes the lease lock unless
 * {@code --lock advisory} says otherwise, and ends at head with one history row per revision; a server profile on
 * SQLite, or an unknown one, is exit 2.
 */
class CliProfileTest {
    private static final String MIGRATIONS =
            Path.of("..", "migrations", "src", "main", "java").toAbsolutePath().normalize().toString();
    private static final String HEAD = "209336e70286";

    @Test
    void cockroachdbScriptsAndRunsOneStatementPerTransactionWithTheLeaseLock() throws Exception {
        CliRun script = CliRun.of("--migrations", MIGRATIONS, "upgrade", "--sql", "--dialect", "postgresql",
                "--profile", "cockroachdb");
        assertEquals(0, script.exitCode(), script.toString());
        assertTrue(script.out().contains("\n-- cockroachdb: each statement commits alone; the version rows are written"
                + " after the last\ncreate table "), script.out());
        String[] afterBegin = script.out().split("\nBEGIN;\n", -1);
        assertEquals(3, afterBegin.length, "one BEGIN for each of the two revisions: " + script.out());
        for (int i = 1; i < afterBegin.length; i++) {
            assertTrue(afterBegin[i].matches("(?s)(insert into|update) \"autogen_version\".*"), afterBegin[i]);
        }

        String lease = TestDatabases.freshPostgres("cliprofile");
        CliRun run = CliRun.of("--url", lease, "--migrations", MIGRATIONS, "upgrade", "--profile", "cockroachdb");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of(HEAD), strings(lease, "select revision from autogen_version"));
        assertEquals(List.of("04c351a8712d", HEAD), strings(lease, "select revision from autogen_history order by id"));
        assertEquals(List.of("autogen_lock"), strings(lease, "select tablename from pg_tables where tablename ="
                + " 'autogen_lock'"), "CockroachDB's profile takes the lease lock");

        String advisory = TestDatabases.freshPostgres("cliprofile");
        CliRun chosen = CliRun.of("--url", advisory, "--migrations", MIGRATIONS, "upgrade", "--profile",
                "cockroachdb", "--lock", "advisory");
        assertEquals(0, chosen.exitCode(), chosen.toString());
        assertEquals(List.of(), strings(advisory, "select tablename from pg_tables where tablename = 'autogen_lock'"),
                "--lock overrides the profile's lock");

        CliRun sqlite = CliRun.of("--url", TestDatabases.freshSqlite("cliprofile"), "--migrations", MIGRATIONS,
                "upgrade", "--profile", "yugabytedb");
        assertEquals("autogen: --profile yugabytedb is for servers that speak PostgreSQL's protocol, not SQLite: drop"
                + " it", sqlite.assertOneLineError(2));
        CliRun unknown = CliRun.of("--migrations", MIGRATIONS, "upgrade", "--sql", "--profile", "oracle");
        assertEquals("autogen: --profile oracle is not a server profile: use postgresql, cockroachdb or yugabytedb",
                unknown.assertOneLineError(2));
    }
}
