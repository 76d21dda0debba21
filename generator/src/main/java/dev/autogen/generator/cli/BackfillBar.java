package dev.autogen.generator.cli;

import dev.autogen.generator.project.ProgressLine;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A backfill's progress on a terminal: the migrator's plain progress lines ({@code backfill users: 20000 of 100000
 * rows, 5000 rows/s, 16 s left}) drawn in place on the {@link ProgressLine} with a bar in front of the figures, the
 * last one (all rows done) printed as a line like any other. Where the progress line does not draw (no terminal, CI,
 * redirected output) every line is printed as it comes.
 */
final class BackfillBar {
    private static final Pattern PROGRESS = Pattern.compile("(backfill [^:]+): (\\d+) of (\\d+) rows(.*)");
    private static final int WIDTH = 20;

    private final ProgressLine line;
    private String drawn;

    BackfillBar(ProgressLine line) {
        this.line = line;
    }

    /** Draws {@code message} when it is an unfinished backfill's progress on a terminal; false: print it instead. */
    boolean draw(String message) {
        Matcher m = PROGRESS.matcher(message);
        boolean unfinished = m.matches() && !m.group(2).equals(m.group(3));
        if (drawn != null && !unfinished) {
            line.end(drawn);
            drawn = null;
        }
        if (!unfinished || !line.draws()) {
            return false;
        }
        drawn = bar(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))) + m.group(4);
        line.start(drawn);
        return true;
    }

    /** {@code backfill users [#####...............] 20000 of 100000 rows}. */
    static String bar(String label, long done, long total) {
        int filled = total == 0 ? WIDTH : (int) Math.min(WIDTH, done * WIDTH / total);
        return label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + " of " + total + " rows";
    }
}
