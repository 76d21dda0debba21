package dev.autogen.generator.failclosed;

import static dev.autogen.generator.failclosed.FailClosedRun.autogen;
import static dev.autogen.generator.failclosed.FailClosedRun.migration;
import static dev.autogen.generator.failclosed.FailClosedRun.migrationSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15, item 8: an applied revision edited since it ran makes {@code upgrade} and {@code downgrade} refuse (exit 2,
 * naming the revision, nothing run) until the edit is undone, accepted once ({@code --ignore-edited}) or recorded for
 * good ({@code repair}).
 */
class EditedRevisionTest {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void upgradeAndDowngradeRefuseAnEditedAppliedRevisionUntilRepaired(String dialect) throws Exception {
        String url = dialect.equals("postgresql") ? TestDatabases.freshPostgres("edited")
                : TestDatabases.freshSqlite("edited");
        Path migrations = FailClosedRun.scratch("edited");
        migration(migrations, "V0001_A", table("V0001_A", "e10000000001", null, "t_a", ""));
        migration(migrations, "V0002_B", table("V0002_B", "e20000000002", "e10000000001", "t_b", ""));
        run(url, migrations, "upgrade").assertExit(0);

        // the applied first revision gains a column; a new revision waits behind it
        migration(migrations, "V0001_A", table("V0001_A", "e10000000001", null, "t_a",
                ".column(column(\"extra\", integer()).nullable())"));
        migration(migrations, "V0003_C", table("V0003_C", "e30000000003", "e20000000002", "t_c", ""));

        String upgrade = run(url, migrations, "upgrade").assertOneLineError(2);
        assertTrue(upgrade.startsWith("autogen: upgrade refused, nothing ran: revision e10000000001 (V0001_A) was"
                + " edited after it was applied"), upgrade);
        assertTrue(upgrade.contains("autogen repair") && upgrade.contains("--ignore-edited"), upgrade);
        String downgrade = run(url, migrations, "downgrade", "-1").assertOneLineError(2);
        assertTrue(downgrade.startsWith("autogen: downgrade refused, nothing ran: revision e10000000001"), downgrade);
        assertEquals(List.of("autogen_history", "autogen_version", "t_a", "t_b"), FailClosedRun.tables(url));
        assertEquals(List.of("e20000000002"), FailClosedRun.rows(url, "select revision from autogen_version"));

        // the one-off way out: this run only
        run(url, migrations, "upgrade", "--ignore-edited").assertExit(0);
        assertEquals(List.of("autogen_history", "autogen_version", "t_a", "t_b", "t_c"), FailClosedRun.tables(url));
        run(url, migrations, "validate").assertExit(1);
        run(url, migrations, "downgrade", "-1").assertOneLineError(2);

        // the lasting one: repair records the current checksum, and everything accepts the edit
        FailClosedRun repair = run(url, migrations, "repair").assertExit(0);
        assertTrue(repair.out().contains("Repaired 1 revision (e10000000001)"), repair.out());
        assertEquals(List.of("e10000000001 repair"), FailClosedRun.rows(url,
                "select revision, direction from autogen_history where direction = 'repair'"));
        run(url, migrations, "validate").assertExit(0);
        assertTrue(run(url, migrations, "repair").assertExit(0).out().startsWith("Nothing to repair"));
        run(url, migrations, "downgrade", "-1").assertExit(0);
        assertEquals(List.of("autogen_history", "autogen_version", "t_a", "t_b"), FailClosedRun.tables(url));
    }

    private static FailClosedRun run(String url, Path migrations, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url, "--migrations", migrations.toString()));
        all.addAll(List.of(args));
        return autogen(all.toArray(String[]::new));
    }

    private static String table(String className, String id, String parent, String table, String extraColumns) {
        return migrationSource(className, "id = \"" + id + "\"" + (parent == null ? "" : ", parent = \"" + parent + "\""),
                "schema.createTable(table(\"" + table + "\").column(column(\"id\", integer()))" + extraColumns
                        + ".primaryKey(\"pk_" + table + "\", \"id\"));",
                "schema.dropTable(\"" + table + "\");");
    }
}
