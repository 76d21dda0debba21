package dev.autogen.generator.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The progress line: drawn in place once a step has lasted its interval, erased when the step ends, kept apart from
 * lines printed meanwhile; nothing at all for short steps or without a terminal.
 */
class ProgressLineTest {
    private static final String ERASE = "\r\033[K";

    @Test
    void aLongStepIsDrawnInPlaceAndErasedAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ofMillis(50));
        String result = line.during("building Hibernate's model of 1000 entity classes", () -> sleep(400));
        assertEquals("done", result);
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.startsWith(ERASE + "autogen: building Hibernate's model of 1000 entity classes… 0 s"), drawn);
        assertTrue(drawn.endsWith(ERASE), "the line must be erased when the step ends: " + drawn);
        int after = bytes.size();
        sleep(200);
        assertEquals(after, bytes.size(), "nothing may be drawn once the step has ended");
    }

    @Test
    void aShortStepDrawsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ofSeconds(5));
        line.during("reading 3 entity classes", () -> sleep(50));
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void linesPrintedMeanwhileAreNotMixedIntoIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ofMillis(50));
        StringWriter out = new StringWriter();
        line.during("upgrading 20 schemas, 4 at a time", () -> {
            sleep(200);
            String around;
            synchronized (line) { // the ticker draws under the same lock: no half-drawn line to cut
                int before = bytes.size();
                line.println(new PrintWriter(out), "tenant_01: applying 04c351a8712d initial schema … 12 ms");
                byte[] all = bytes.toByteArray();
                around = new String(all, before, all.length - before, StandardCharsets.UTF_8);
            }
            assertTrue(around.startsWith(ERASE), "erased before the line: " + around);
            assertTrue(around.contains("autogen: upgrading 20 schemas, 4 at a time… 0 s"),
                    "redrawn after the line: " + around);
            return null;
        });
        assertEquals("tenant_01: applying 04c351a8712d initial schema … 12 ms" + System.lineSeparator(),
                out.toString());
    }

    @Test
    void quietWithoutATerminal() {
        assertFalse(ProgressLine.interactive(null, Map.of()));
        StringWriter out = new StringWriter();
        ProgressLine quiet = ProgressLine.quiet();
        assertEquals(7, quiet.during("anything", () -> 7));
        quiet.println(new PrintWriter(out), "a line");
        assertEquals("a line" + System.lineSeparator(), out.toString());
    }

    private static String sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "done";
    }
}
