package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.jpa.EntityScanner;
import dev.autogen.generator.testing.CliRun;
import dev.autogen.generator.testing.EntitySources;
import dev.autogen.generator.testing.HibernateOracle;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestSql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code autogen -m MSG --phased} and contract revisions from the command line, on PostgreSQL and SQLite: one entity
 * change holding all four breaking kinds (a rename, a type change, a new NOT NULL column with a default, a dropped
 * column) becomes an expand and a contract revision; {@code upgrade} applies the expand and says the contract waits,
 * {@code current} and {@code check} say so too (check exits 0), rows the old version writes meanwhile survive,
 * {@code upgrade --contract} finishes, check is clean, Hibernate validates, and both downgrades restore the old schema
 * with its values.
 */
class CliPhasedTest {
    private static final String PACKAGE = "phased.model";
    private static final String BEFORE = """
            package phased.model;

            import jakarta.persistence.*;

            @Entity
            @Table(name = "accounts", indexes = {@Index(name = "ix_accounts_name", columnList = "name"),
                    @Index(name = "ix_accounts_score", columnList = "score")})
            public class Account {
                @Id
                private Long id;

                @Column(name = "name", length = 50)
                private String name;

                @Column(name = "score", length = 20)
                private String score;

                @Column(name = "legacy", length = 20)
                private String legacy;
            }
            """;
    private static final String AFTER = """
            package phased.model;

            import dev.autogen.annotations.RenamedFrom;
            import jakarta.persistence.*;
            import jakarta.persistence.Index;
            import org.hibernate.annotations.ColumnDefault;

            @Entity
            @Table(name = "accounts", indexes = {@Index(name = "ix_accounts_name", columnList = "display_name"),
                    @Index(name = "ix_accounts_score", columnList = "score")})
            public class Account {
                @Id
                private Long id;

                @RenamedFrom("name")
                @Column(name = "display_name", length = 50)
                private String displayName;

                @Column(name = "score")
                private Integer score;

                @ColumnDefault("0")
                @Column(name = "level", nullable = false)
                private Integer level;
            }
            """;
    private static final String WAITS = "contract revision V0003_ReshapeAccountsContract (bbb222_contract) waits: run"
            + " autogen upgrade --contract when every running instance is on the new version";

    private String url;
    private List<String> common;

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void aBreakingChangeBecomesExpandThenAWaitingContract(Dialect dialect) throws Exception {
        EntitySources entities = project(dialect, "phased");
        assertExit(0, autogen("-m", "initial", "--rev-id", "aaa111"));
        assertExit(0, autogen("upgrade"));
        sql("insert into accounts (id, name, score, legacy) values (1, 'Ada', '42', 'x')",
                "insert into accounts (id, name, score, legacy) values (2, 'Bob', null, null)");

        entities.put("Account", AFTER).compile();
        CliRun generated = assertExit(0, autogen("-m", "reshape accounts", "--phased", "--rev-id", "bbb222"));
        assertTrue(generated.out().contains("(revision bbb222, expand: the running application survives it)"),
                generated::toString);
        assertTrue(generated.out().contains("(revision bbb222_contract, contract: waits for autogen upgrade"
                + " --contract)"), generated::toString);
        String contract = Files.readString(migrationFile("V0003_ReshapeAccountsContract"));
        assertTrue(contract.contains("message = \"reshape accounts (contract)\", contract = true"), contract);
        assertTrue(contract.contains("parent = \"bbb222\""), contract);
        assertTrue(contract.contains("hazard DATA_LOSS"), contract); // the drops say what they cost
        String expand = Files.readString(migrationFile("V0002_ReshapeAccountsExpand"));
        assertFalse(expand.contains("contract = true"), expand);
        assertTrue(expand.contains("schema.backfill(\"accounts\", \"\\\"display_name\\\" = \\\"name\\\"\")"), expand);

        assertEquals("autogen: revision bbb222_contract (V0003_ReshapeAccountsContract) is a contract revision, which"
                + " must stay on its own: squash a range that ends before it",
                autogen("squash", "aaa111:bbb222_contract", "-m", "all in one", "--offline").assertOneLineError(2));

        CliRun upgrade = assertExit(0, autogen("upgrade"));
        assertTrue(upgrade.out().contains(WAITS), upgrade::toString);
        assertEquals(List.of("bbb222"), TestSql.strings(url, "select revision from autogen_version"));
        // the old version keeps inserting without the new columns
        sql("insert into accounts (id, name, score, legacy) values (3, 'Cy', '7', 'y')");
        assertEquals(List.of("1 Ada Ada 42 42 0", "2 Bob Bob null null 0", "3 Cy null 7 null 0"),
                TestSql.rows(url, "select id, name, display_name, score, score_new, level from accounts order by id"));

        CliRun current = assertExit(0, autogen("current"));
        assertTrue(current.out().contains("bbb222 V0002_ReshapeAccountsExpand"), current::toString);
        assertTrue(current.out().contains(WAITS), current::toString);
        CliRun check = assertExit(0, autogen("check"));
        assertTrue(check.out().contains(WAITS), check::toString);
        assertTrue(check.out().contains("In sync: "), check::toString);
        String json = assertExit(0, autogen("check", "--format", "json")).out();
        assertTrue(json.contains("\"inSync\":true,\"problems\":[],\"contractsWaiting\":[\"" + WAITS + "\"]"), json);
        assertTrue(assertExit(0, autogen("history")).out().contains("-> bbb222_contract (contract)"));

        CliRun contracted = assertExit(0, autogen("upgrade", "--contract"));
        assertTrue(contracted.out().contains("applying bbb222_contract"), contracted::toString);
        assertEquals(List.of("1 Ada 42 0", "2 Bob null 0", "3 Cy 7 0"),
                TestSql.rows(url, "select id, display_name, score, level from accounts order by id"));
        CliRun clean = assertExit(0, autogen("check"));
        assertFalse(clean.out().contains("waits"), clean::toString);
        HibernateOracle.validate(EntityScanner.scan(List.of(entities.classes()), List.of(PACKAGE)), url, dialect);

        // reverting the contract gives the old columns back with their values (legacy's were dropped: it returns empty)
        assertExit(0, autogen("downgrade", "bbb222"));
        assertEquals(List.of("1 Ada Ada 42 0 null", "2 Bob Bob null 0 null", "3 Cy Cy 7 0 null"),
                TestSql.rows(url, "select id, name, display_name, score, level, legacy from accounts order by id"));
        // the expand's new columns hold copies only, but dropping columns is flagged as everywhere
        CliRun refused = assertExit(2, autogen("downgrade", "aaa111"));
        assertTrue(refused.out().contains("DropColumn accounts display_name: DATA_LOSS"), refused::toString);
        assertTrue(refused.err().strip().endsWith("pass --allow-data-loss to revert anyway"), refused::toString);
        assertExit(0, autogen("downgrade", "aaa111", "--allow-data-loss"));
        assertEquals(List.of("1 Ada 42 null", "2 Bob null null", "3 Cy 7 null"),
                TestSql.rows(url, "select id, name, score, legacy from accounts order by id"));
        assertExit(0, autogen("downgrade", "base", "--allow-data-loss"));
        assertEquals(List.of(), TestSql.strings(url, dialect == Dialect.POSTGRESQL
                ? "select table_name from information_schema.tables where table_name = 'accounts'"
                : "select name from sqlite_master where name = 'accounts'"));
    }

    @Test
    void aNotNullColumnWithoutDefaultIsRefusedAndNothingBreakingWritesOneRevision() throws Exception {
        EntitySources entities = project(Dialect.SQLITE, "phased-refusal");
        assertExit(0, autogen("-m", "initial", "--rev-id", "aaa111"));
        assertExit(0, autogen("upgrade"));

        entities.edit("Account", "private String legacy;", "private String legacy;\n\n"
                + "    @Column(name = \"rank\", nullable = false)\n    private Integer rank;").compile();
        assertEquals("autogen: --phased cannot add NOT NULL column accounts.rank: it has no default to fill the rows"
                + " that exist — give it one in the entity (@ColumnDefault) or make it nullable, then run autogen -m"
                + " again (or drop --phased and write the backfill by hand)",
                autogen("-m", "add rank", "--phased").assertOneLineError(2));

        entities.edit("Account", "nullable = false)", "nullable = true)").compile();
        CliRun plain = assertExit(0, autogen("-m", "add rank", "--phased", "--rev-id", "ccc333"));
        assertTrue(plain.out().contains("No breaking change: --phased writes one ordinary revision."), plain::toString);
        assertFalse(Files.readString(migrationFile("V0002_AddRank")).contains("contract = true"));
        CliRun upgrade = assertExit(0, autogen("upgrade"));
        assertFalse(upgrade.out().contains("waits"), upgrade::toString);
    }

    private EntitySources project(Dialect dialect, String hint) throws IOException {
        url = dialect == Dialect.POSTGRESQL ? TestDatabases.freshPostgres(hint.replace('-', '_'))
                : TestDatabases.freshSqlite(hint);
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"))),
                hint);
        Path migrations = Files.createDirectories(work.resolve("migrations"));
        EntitySources entities = new EntitySources(work, PACKAGE).put("Account", BEFORE);
        entities.compile();
        common = List.of("--url", url, "--classpath", entities.classes().toString(), "--packages", PACKAGE,
                "--migrations", migrations.toString(), "--migrations-package", "phased.migrations");
        return entities;
    }

    private Path migrationFile(String className) {
        return Path.of(common.get(7)).resolve("phased/migrations").resolve(className + ".java");
    }

    private CliRun autogen(String... args) {
        return CliRun.of(common, args);
    }

    private static CliRun assertExit(int code, CliRun run) {
        assertEquals(code, run.exitCode(), run::toString);
        return run;
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        }
    }
}
