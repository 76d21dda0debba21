package dev.autogen.generator.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autogen.generator.testing.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Mermaid autogen writes, read by the real parser: the {@code mermaid} npm package (with jsdom), installed into
 * {@code target/mermaid-parser} on first use. Parses the sample entities' {@code erd}, the diagrams of a Markdown
 * review, and diagrams of {@link HostileSchema}. Skipped with a message when node or npm is missing or the
 * install fails (no registry reachable).
 */
class MermaidParsesTest {
    private static final Path PARSER = Path.of("target", "mermaid-parser").toAbsolutePath();
    private static final Pattern MERMAID_BLOCK = Pattern.compile("```mermaid\n(.*?)```", Pattern.DOTALL);
    private static final String MIGRATIONS =
            Path.of("..", "migrations", "src", "main", "java").toAbsolutePath().normalize().toString();

    @Test
    void everyDiagramAutogenWritesParses() throws Exception {
        Path node = ExternalTool.find("node").orElse(null);
        assumeTrue(node != null, "node is not installed (apt-get install nodejs npm): Mermaid output not parsed");
        installParser();

        List<String> diagrams = new ArrayList<>();
        ErDiagram hostile = ErDiagrams.of(HostileSchema.schema(), Set.of());
        diagrams.add(MermaidErd.of(hostile));
        var before = HostileSchema.schema();
        var after = new dev.autogen.schema.Schema(List.of(HostileSchema.tenants(), HostileSchema.profiles()), List.of());
        diagrams.add(MermaidErd.of(ErDiagrams.before(before, after, ErDiagrams.touched(before, after))));
        CliRun erd = CliRun.of("--url", "jdbc:postgresql://nowhere.invalid/db", "erd");
        assertEquals(0, erd.exitCode(), erd.toString());
        diagrams.add(erd.out());
        CliRun review = CliRun.of("--url", "jdbc:postgresql://nowhere.invalid/db", "--migrations", MIGRATIONS,
                "review", "head");
        assertEquals(0, review.exitCode(), review.toString());
        Matcher blocks = MERMAID_BLOCK.matcher(review.out());
        int fromReview = 0;
        while (blocks.find()) {
            diagrams.add(blocks.group(1));
            fromReview++;
        }
        assertEquals(2, fromReview, review.out());

        List<String> files = new ArrayList<>();
        for (int i = 0; i < diagrams.size(); i++) {
            Path file = PARSER.resolve("diagram-" + i + ".mmd");
            Files.writeString(file, diagrams.get(i));
            files.add(file.toString());
        }
        List<String> command = new ArrayList<>(List.of(node.toString(), "parse.mjs"));
        command.addAll(files);
        ExternalTool.Result parsed = ExternalTool.run(PARSER, 120, command);
        assertEquals(0, parsed.exitCode(), parsed.out() + parsed.err() + "\n" + String.join("\n---\n", diagrams));
        assertEquals(diagrams.size(), parsed.out().lines().filter(l -> l.startsWith("ok ")).count(), parsed.out());
    }

    /** npm install of the pinned mermaid and jsdom into target/, once (a later run finds them there). */
    private static void installParser() throws IOException, InterruptedException {
        Files.createDirectories(PARSER);
        for (String name : new String[] {"package.json", "parse.mjs"}) {
            try (InputStream in = MermaidParsesTest.class.getResourceAsStream("/mermaid/" + name)) {
                Files.copy(in, PARSER.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (Files.isDirectory(PARSER.resolve("node_modules/mermaid"))
                && Files.isDirectory(PARSER.resolve("node_modules/jsdom"))) {
            return;
        }
        Path npm = ExternalTool.find("npm").orElse(null);
        assumeTrue(npm != null, "npm is not installed (apt-get install npm): Mermaid output not parsed");
        ExternalTool.Result install = ExternalTool.run(PARSER, 300, List.of(npm.toString(), "install",
                "--prefer-offline", "--no-audit", "--no-fund", "--no-save"));
        assumeTrue(install.exitCode() == 0, () -> "npm install of mermaid failed, Mermaid output not parsed: "
                + install.err().lines().reduce((a, b) -> b).orElse(""));
        assertTrue(Files.isDirectory(PARSER.resolve("node_modules/mermaid")), install.err());
    }
}
