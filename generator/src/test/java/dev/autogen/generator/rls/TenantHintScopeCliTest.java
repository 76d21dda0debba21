package dev.autogen.generator.rls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import dev.autogen.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Issue #15, item 12: a tenant-column hint is written into the migration that touches its table, not repeated in
 * every later one; {@code check} and {@code diff} print it once; {@code --accepted-tenant-tables} silences a table whose
 * tenant column without row-level security is intended.
 */
class TenantHintScopeCliTest {
    private static final String NOTE = """
            package hinted;
            @jakarta.persistence.Entity
            public class Note {
                @jakarta.persistence.Id public Long id;
                @jakarta.persistence.Column(name = "tenant_id") public java.util.UUID tenantId;
            }
            """;
    private static final String TAG = """
            package hinted;
            @jakarta.persistence.Entity
            public class Tag {
                @jakarta.persistence.Id public Long id;
                public String label;
            }
            """;
    private static final String HINT = "note has tenant_id but no row-level security: tenants' rows are not kept apart"
            + " (declare @TenantIsolated on the entity or its package)";

    @Test
    void aHintIsWrittenOnlyWhereItsTableIsTouchedAndCanBeAccepted() throws Exception {
        Path root = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "tenant_hint");
        Path first = compile(root.resolve("v1"), List.of(NOTE));
        Path second = compile(root.resolve("v2"), List.of(NOTE, TAG));
        Path migrations = Files.createDirectories(root.resolve("migrations"));
        String url = TestDatabases.freshPostgres("tenant_hint");
        List<String> common = List.of("--url", url, "--packages", "hinted", "--migrations", migrations.toString(),
                "--migrations-package", "hinted.migrations");

        CliRun notes = CliRun.of(common, "--classpath", first.toString(), "-m", "notes", "--rev-id", "n1");
        assertEquals(0, notes.exitCode(), notes.toString());
        assertTrue(notes.out().startsWith("hint: " + HINT + "\n"), notes.toString());
        String v1 = Files.readString(migrations.resolve("hinted/migrations/V0001_Notes.java"));
        assertTrue(v1.contains("// " + HINT), v1);
        assertEquals(0, CliRun.of(common, "--classpath", first.toString(), "upgrade").exitCode());

        CliRun tags = CliRun.of(common, "--classpath", second.toString(), "-m", "tags", "--rev-id", "t1");
        assertEquals(0, tags.exitCode(), tags.toString());
        assertTrue(tags.out().startsWith("hint: " + HINT + "\n"), "still printed: " + tags);
        String v2 = Files.readString(migrations.resolve("hinted/migrations/V0002_Tags.java"));
        assertFalse(v2.contains("tenant_id"), "a migration that does not touch note says nothing about it:\n" + v2);
        assertEquals(0, CliRun.of(common, "--classpath", second.toString(), "upgrade").exitCode());

        CliRun check = CliRun.of(common, "--classpath", second.toString(), "check");
        assertEquals(0, check.exitCode(), check.toString());
        assertEquals(1, check.out().split(java.util.regex.Pattern.quote(HINT), -1).length - 1, "printed once: " + check);
        CliRun accepted = CliRun.of(common, "--classpath", second.toString(), "check",
                "--accepted-tenant-tables", "note");
        assertEquals(0, accepted.exitCode(), accepted.toString());
        assertFalse(accepted.out().contains("hint:"), accepted.toString());
        CliRun diff = CliRun.of(common, "--classpath", second.toString(), "--accepted-tenant-tables", "note", "diff");
        assertTrue(diff.out().startsWith("No differences: "), diff.toString());
    }

    private static Path compile(Path dir, List<String> sources) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/hinted"));
        List<String> args = new ArrayList<>(List.of("-d", dir.resolve("classes").toString(), "-cp",
                System.getProperty("java.class.path")));
        for (String source : sources) {
            String name = source.substring(source.indexOf("class ") + 6, source.indexOf(" {")).strip();
            Path file = src.resolve(name + ".java");
            Files.writeString(file, source);
            args.add(file.toString());
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)));
        return dir.resolve("classes");
    }
}
