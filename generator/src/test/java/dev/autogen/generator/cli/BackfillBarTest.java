package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.project.ProgressLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A backfill's progress: a bar drawn in place on a terminal, plain lines elsewhere, the last line always printed. */
class BackfillBarTest {
    @Test
    void onATerminalAnUnfinishedBackfillIsDrawnAsABarAndTheLastLineIsPrinted() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BackfillBar bar = new BackfillBar(ProgressLine.drawingOn(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Duration.ofMillis(20)));

        assertTrue(bar.draw("backfill users: 50 of 100 rows, 10 rows/s, 5 s left"));
        Thread.sleep(200);
        assertFalse(bar.draw("backfill users: 100 of 100 rows, 10 rows/s, 0 s left"));

        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.contains("backfill users [##########..........] 50 of 100 rows, 10 rows/s, 5 s left"), drawn);
        assertTrue(drawn.endsWith("\r\033[K"), "the bar is erased before the last line: " + drawn);
        assertFalse(bar.draw("applying 0001 people … 3 ms"));
    }

    @Test
    void withoutATerminalEveryLineIsPrinted() {
        BackfillBar bar = new BackfillBar(ProgressLine.quiet());
        assertFalse(bar.draw("backfill users: 50 of 100 rows, 10 rows/s, 5 s left"));
        assertEquals("backfill users [####################] 0 of 0 rows", BackfillBar.bar("backfill users", 0, 0));
    }
}
