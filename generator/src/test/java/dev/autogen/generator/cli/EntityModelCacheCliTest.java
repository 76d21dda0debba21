package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import dev.autogen.generator.testing.EntitySources;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestSql;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The entity-model cache as a user meets it, on both databases: commands on unchanged entities answer from the cache,
 * an edited and rebuilt entity is seen by the very next {@code check}, and going back to an earlier build of the
 * entities (a cache entry written before) gives that build's model again, so the cache never hides a difference.
 */
class EntityModelCacheCliTest {
    private static final String PACKAGE = "cachecli.model";

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void everyEditIsSeenByTheNextCheck(String database) throws Exception {
        String url = database.equals("postgresql") ? TestDatabases.freshPostgres("model_cache")
                : TestDatabases.freshSqlite("model-cache");
        GadgetProject project = GadgetProject.create(url, PACKAGE, "model-cache-cli");
        EntitySources entities = project.entities();
        List<String> common = project.common();

        assertExit(0, CliRun.of(common, "-m", "initial", "--rev-id", "c0ffee000001"));
        assertExit(0, CliRun.of(common, "upgrade"));
        assertExit(0, CliRun.of(common, "check"));
        assertExit(0, CliRun.of(common, "check"));

        entities.edit("Gadget", "private String label;", "private String label;\n    private Integer weight;").compile();
        CliRun drift = assertExit(1, CliRun.of(common, "check"));
        assertTrue(drift.out().contains("AddColumn gadget weight"), drift.toString());

        assertExit(0, CliRun.of(common, "-m", "add weight", "--rev-id", "c0ffee000002"));
        assertExit(0, CliRun.of(common, "upgrade"));
        assertExit(0, CliRun.of(common, "check"));
        String weight = database.equals("postgresql")
                ? "select count(*) from information_schema.columns where table_name = 'gadget' and column_name = 'weight'"
                : "select count(*) from pragma_table_info('gadget') where name = 'weight'";
        assertEquals(List.of("1"), TestSql.strings(url, weight));

        // back to the first build: its entry is in the cache, and it must still say what that build maps
        entities.edit("Gadget", "private String label;\n    private Integer weight;", "private String label;").compile();
        CliRun back = assertExit(1, CliRun.of(common, "check"));
        assertTrue(back.out().contains("DropColumn gadget weight"), back.toString());
    }

    private static CliRun assertExit(int expected, CliRun run) {
        assertEquals(expected, run.exitCode(), run::toString);
        return run;
    }
}
