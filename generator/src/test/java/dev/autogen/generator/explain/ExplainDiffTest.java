package dev.autogen.generator.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code autogen diff} says where each operation comes from (issue #3, "explain every operation"): the entity field
 * and its annotation on one side, the catalog's value as the database spells it on the other, in text (a
 * {@code because:} line under each operation) and in JSON ({@code "because"}).
 */
class ExplainDiffTest {
    private static final String BEFORE = "dev.autogen.generator.explain.before";
    private static final String AFTER = "dev.autogen.generator.explain.after";

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void everyOperationSaysWhereItComesFrom(Dialect dialect) throws Exception {
        String url = dialect == Dialect.POSTGRESQL ? TestDatabases.freshPostgres("explain")
                : TestDatabases.freshSqlite("explain");
        Path migrations = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "explain-migrations");
        List<String> common = List.of("--url", url, "--migrations", migrations.toString(),
                "--migrations-package", "explain.migrations");
        CliRun initial = cli(common, "--packages", BEFORE, "-m", "initial", "--rev-id", "e1");
        assertEquals(0, initial.exitCode(), initial.toString());
        assertEquals(0, cli(common, "--packages", BEFORE, "upgrade").exitCode());

        String varchar120 = dialect == Dialect.POSTGRESQL ? "character varying(120)" : "varchar(120)";
        String varchar40 = dialect == Dialect.POSTGRESQL ? "character varying(40)" : "varchar(40)";
        List<String> expected = List.of(
                "customer.nickname: no field of entity Customer maps it; database: " + varchar40 + " null",
                "tag: entity Tag -> table with 2 columns; database: no table tag",
                "customer.phone: entity Customer.phone @Column(length = 20) -> varchar(20) null; database: no column phone",
                "customer.email: entity Customer.email @Column(nullable = false) -> not null; database: null",
                "customer.full_name: entity Customer.fullName @Column(name = \"full_name\", length = 200) -> varchar(200);"
                        + " database: " + varchar120,
                "customer.ix_customer_phone: entity Customer @Index(columnList = \"phone\") -> index (phone);"
                        + " database: no index on (phone)");

        CliRun diff = cli(common, "--packages", AFTER, "diff");
        assertEquals(0, diff.exitCode(), diff.toString());
        List<String> because = diff.out().lines().filter(l -> l.startsWith("      because: "))
                .map(l -> l.substring("      because: ".length())).toList();
        assertEquals(expected, because, diff.toString());
        // each explanation is printed right under its operation
        List<String> lines = diff.out().lines().toList();
        assertEquals("  AlterColumn customer full_name varchar(120) -> varchar(200)",
                lines.get(lines.indexOf("      because: " + expected.get(4)) - 1), diff.toString());
        assertEquals("  CreateTable tag (id bigint not null, name varchar(255) null, pk(id))",
                lines.get(lines.indexOf("      because: " + expected.get(1)) - 1), diff.toString());

        CliRun json = cli(common, "--packages", AFTER, "diff", "--format", "json");
        assertEquals(0, json.exitCode(), json.toString());
        for (String line : expected) {
            assertTrue(json.out().contains("\"because\":\"" + line.replace("\"", "\\\"") + "\""), json.toString());
        }
        assertTrue(json.out().contains("{\"op\":\"DropColumn\",\"text\":\"DropColumn customer nickname\",\"because\":"),
                json.toString());
    }

    private static CliRun cli(List<String> common, String... args) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }
}
