package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import dev.autogen.schema.ConstraintNames;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestSql;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Issue #15, item 2: PostgreSQL keeps 63 bytes of an identifier (UTF-8 bytes, not characters) and cuts the rest with
 * only a notice. A name the user gave that is longer is refused when the migration would be written (exit 2, naming
 * the entity, the field and the limit, nothing written); a name autogen invents for a long table is cut to fit with a
 * hash, so the database keeps exactly the name the migration says and {@code check} right after is clean.
 */
class CliIdentifierLimitTest {
    private static final String SHARED_63 = "measurement_" + "x".repeat(51); // 63 bytes

    @Test
    void twoColumnsSharingTheirFirst63BytesAreRefused() throws Exception {
        Path classes = compile("twins", Map.of("Reading", """
                package twins;
                @jakarta.persistence.Entity
                public class Reading {
                    @jakarta.persistence.Id public Long id;
                    @jakarta.persistence.Column(name = "%1$s_celsius") public Double celsius;
                    @jakarta.persistence.Column(name = "%1$s_fahrenheit") public Double fahrenheit;
                }
                """.formatted(SHARED_63)));
        CliRun run = generate(classes, "twins");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("autogen: entity Reading field celsius maps column " + SHARED_63 + "_celsius, which is 71 bytes"
                + " long: PostgreSQL keeps at most 63 bytes of an identifier (UTF-8) and would silently cut it; shorten"
                + " it with @Column(name = ...)\n", run.err());
    }

    @Test
    void oneLongNameIsRefusedCountingBytesNotCharacters() throws Exception {
        String column = "größenangabe_".repeat(4) + "über"; // 56 characters, 65 bytes
        Path classes = compile("umlaut", Map.of("Parcel", """
                package umlaut;
                @jakarta.persistence.Entity
                public class Parcel {
                    @jakarta.persistence.Id public Long id;
                    @jakarta.persistence.Column(name = "%s") public Integer size;
                }
                """.formatted(column)));
        assertEquals(56, column.length());
        assertEquals(65, column.getBytes(StandardCharsets.UTF_8).length);
        CliRun run = generate(classes, "umlaut");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("autogen: entity Parcel field size maps column " + column + ", which is 65"
                + " bytes long: PostgreSQL keeps at most 63 bytes"), run.toString());
    }

    @Test
    void aLongUserGivenIndexNameIsRefused() throws Exception {
        String index = "ix_" + "very_long_index_name_".repeat(3) + "end"; // 69 bytes
        Path classes = compile("indexed", Map.of("Ledger", """
                package indexed;
                @jakarta.persistence.Entity
                @jakarta.persistence.Table(name = "ledger", indexes = @jakarta.persistence.Index(name = "%s",
                        columnList = "booked"))
                public class Ledger {
                    @jakarta.persistence.Id public Long id;
                    public Integer booked;
                }
                """.formatted(index)));
        CliRun run = generate(classes, "indexed");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("autogen: table ledger (entity Ledger) has index " + index + ", which is 69 bytes long:"
                + " PostgreSQL keeps at most 63 bytes of an identifier (UTF-8) and would silently cut it; shorten it"
                + " with @Index(name = ...)\n", run.err());
    }

    /** 30 two-byte letters: a 60-byte table name that fits, whose invented constraint names do not. */
    @Test
    void namesAutogenInventsForALongTableFitAndCheckIsCleanAfterUpgrade() throws Exception {
        String table = "ä".repeat(30);
        Path classes = compile("wide", Map.of("Wide", """
                package wide;
                @jakarta.persistence.Entity
                @jakarta.persistence.Table(name = "%s", indexes = @jakarta.persistence.Index(columnList = "code"))
                public class Wide {
                    @jakarta.persistence.Id public Long id;
                    @jakarta.persistence.Column(unique = true) public String code;
                }
                """.formatted(table)));
        String url = TestDatabases.freshPostgres("identifier_fit");
        Path migrations = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "identifier_fit");
        List<String> common = List.of("--url", url, "--classpath", classes.toString(), "--packages", "wide",
                "--migrations", migrations.toString(), "--migrations-package", "wide.migrations");
        CliRun generate = CliRun.of(common, "-m", "wide", "--rev-id", "w1");
        assertEquals(0, generate.exitCode(), generate.toString());
        CliRun upgrade = CliRun.of(common, "upgrade");
        assertEquals(0, upgrade.exitCode(), upgrade.toString());

        String unique = ConstraintNames.unique(table, List.of("code"));
        String index = ConstraintNames.index(table, List.of("code"));
        String key = ConstraintNames.primaryKey(table);
        for (String name : List.of(unique, index, key)) {
            assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 63, name);
        }
        // the database keeps exactly the names the migration gave, so a later migration can drop them by name
        assertEquals(List.of(index, key, unique).stream().sorted().toList(), TestSql.strings(url,
                "select relname from pg_class where relkind = 'i' and relnamespace = 'public'::regnamespace"
                        + " and relname not like 'autogen%' order by 1"));
        CliRun check = CliRun.of(common, "check");
        assertEquals(0, check.exitCode(), check.toString());
    }

    private static CliRun generate(Path classes, String pkg) throws Exception {
        String url = TestDatabases.freshPostgres("identifier_" + pkg);
        Path migrations = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "identifier");
        CliRun run = CliRun.of("--url", url, "--classpath", classes.toString(), "--packages", pkg,
                "--migrations", migrations.toString(), "--migrations-package", pkg + ".migrations", "-m", "long names");
        try (var written = Files.walk(migrations)) {
            assertEquals(List.of(migrations), written.toList(), "nothing written: " + run);
        }
        return run;
    }

    private static Path compile(String pkg, Map<String, String> sources) throws Exception {
        Path root = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "identifier_" + pkg);
        Path dir = Files.createDirectories(root.resolve("src").resolve(pkg));
        List<String> args = new ArrayList<>(List.of("-encoding", "UTF-8", "-d", root.resolve("classes").toString(),
                "-cp", System.getProperty("java.class.path")));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = dir.resolve(source.getKey() + ".java");
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)));
        return root.resolve("classes");
    }
}
