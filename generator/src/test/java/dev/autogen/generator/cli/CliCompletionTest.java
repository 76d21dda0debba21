package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code autogen completion}: the script picocli generates from the command tree is printed, the same every time,
 * and a real bash loads it and completes autogen's commands and options with it.
 */
class CliCompletionTest {

    @Test
    void printsTheSameScriptEveryTime() {
        CliRun first = CliRun.of("completion");
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.out().contains("complete ") && first.out().contains("autogen"), first.out());
        assertEquals(first.out(), CliRun.of("completion").out());
    }

    @Test
    void bashLoadsItAndCompletesCommandsAndOptions() throws Exception {
        Path script = ScratchDirectory.create("completion").resolve("autogen.bash");
        Files.writeString(script, CliRun.of("completion").out());

        assertEquals("complete -o default -F _complete_autogen autogen", bash(script, "complete -p autogen").strip());
        List<String> commands = complete(script, "autogen", "up");
        assertEquals(List.of("upgrade"), commands);
        List<String> all = complete(script, "autogen", "");
        assertTrue(all.containsAll(List.of("init", "completion", "check", "diff", "downgrade")), all.toString());
        List<String> options = complete(script, "autogen", "upgrade", "--sch");
        assertTrue(options.containsAll(List.of("--schema", "--schemas", "--schemas-query")), options.toString());
    }

    /** What bash's completion offers for the last word of {@code words}, through the loaded script's function. */
    private static List<String> complete(Path script, String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word).append("'");
        }
        String line = String.join(" ", words);
        String out = bash(script, "COMP_WORDS=(" + array + " ); COMP_CWORD=" + (words.length - 1) + "; COMP_LINE='"
                + line + "'; COMP_POINT=" + line.length() + "; _complete_autogen; printf '%s\\n' \"${COMPREPLY[@]}\"");
        return out.lines().map(String::strip).filter(s -> !s.isEmpty()).sorted().toList();
    }

    private static String bash(Path script, String command) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", "source '" + script + "' && " + command)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start(); // compopt's notes outside a real completion
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return out;
    }
}
