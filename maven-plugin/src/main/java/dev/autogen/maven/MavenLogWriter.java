package dev.autogen.maven;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link Writer} that hands each complete line to Maven's log (the command line prints lines; Maven prefixes each
 * with its level), and keeps the lines so a goal can quote the error in its failure.
 */
final class MavenLogWriter extends Writer {
    private final Consumer<String> log;
    private final StringBuilder pending = new StringBuilder();
    private final List<String> lines = new ArrayList<>();

    MavenLogWriter(Consumer<String> log) {
        this.log = log;
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            if (c == '\n') {
                emit();
            } else if (c != '\r') {
                pending.append(c);
            }
        }
    }

    private void emit() {
        String line = pending.toString();
        pending.setLength(0);
        lines.add(line);
        log.accept(line);
    }

    @Override
    public synchronized void flush() {
        // lines are logged as they end; a partial line waits for its end or for close()
    }

    @Override
    public synchronized void close() {
        if (!pending.isEmpty()) {
            emit();
        }
    }

    /** Every line written so far. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
