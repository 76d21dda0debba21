package dev.autogen.generator.hazards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestSql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15, item 1: a downgrade shows the hazards of what it will run, and one that would lose data refuses to run
 * (exit 2, one line naming the revision and --allow-data-loss) unless allowed. On both databases: the reverse of an
 * addColumn whose column holds values is refused (the column and its values stay), runs with the flag, and runs
 * without it when the column holds nothing.
 */
class DowngradeDataLossTest {
    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void aDowngradeThatDropsValuesIsRefusedUnlessAllowed(String dialect) throws Exception {
        String url = dialect.equals("postgresql") ? TestDatabases.freshPostgres("downgrade_loss")
                : TestDatabases.freshSqlite("downgrade-loss");
        Path migrations = NotesMigrations.write(Files.createTempDirectory("downgrade-loss"));
        List<String> common = List.of("--url", url, "--migrations", migrations.toString());
        assertEquals(0, CliRun.of(common, "upgrade").exitCode());
        TestSql.execute(url, "insert into notes (id, body) values (1, 'keep me')");

        // the offline script says it too, as a comment above the drop
        CliRun script = CliRun.of(common, "downgrade", NotesMigrations.SECOND + ":" + NotesMigrations.FIRST, "--sql");
        assertEquals(0, script.exitCode(), script.toString());
        assertTrue(script.out().contains("-- hazard DATA_LOSS: drops column notes.body and its values\n"),
                script.toString());

        CliRun refused = CliRun.of(common, "downgrade", "-1");
        assertEquals(2, refused.exitCode(), refused.toString());
        assertEquals("autogen: reverting revision " + NotesMigrations.SECOND + " (V0002_NoteBody) DropColumn notes body"
                + " drops column notes.body and its values: pass --allow-data-loss to revert anyway\n", refused.err());
        assertTrue(refused.out().startsWith("Hazards of this downgrade:\n  ! " + NotesMigrations.SECOND
                + " (V0002_NoteBody) DropColumn notes body: DATA_LOSS: drops column notes.body and its values\n"),
                refused.toString());
        assertEquals(List.of("1|keep me"), TestSql.strings(url, "select id || '|' || body from notes"));
        assertEquals(List.of(NotesMigrations.SECOND), TestSql.strings(url, "select revision from autogen_version"));

        CliRun allowed = CliRun.of(common, "downgrade", "-1", "--allow-data-loss");
        assertEquals(0, allowed.exitCode(), allowed.toString());
        assertEquals(List.of(NotesMigrations.FIRST), TestSql.strings(url, "select revision from autogen_version"));
        assertEquals(List.of("1"), TestSql.strings(url, "select id from notes"));
        assertEquals(List.of("body absent"), TestSql.strings(url, dialect.equals("postgresql")
                ? "select case when count(*) = 0 then 'body absent' else 'body present' end from information_schema.columns"
                        + " where table_name = 'notes' and column_name = 'body'"
                : "select case when count(*) = 0 then 'body absent' else 'body present' end"
                        + " from pragma_table_info('notes') where name = 'body'"));

        // a column that holds no value loses nothing: the downgrade runs, still saying what it drops
        assertEquals(0, CliRun.of(common, "upgrade").exitCode());
        CliRun empty = CliRun.of(common, "downgrade", "-1");
        assertEquals(0, empty.exitCode(), empty.toString());
        assertTrue(empty.out().contains("DATA_LOSS: drops column notes.body"), empty.toString());
        assertEquals(List.of(NotesMigrations.FIRST), TestSql.strings(url, "select revision from autogen_version"));
    }
}
