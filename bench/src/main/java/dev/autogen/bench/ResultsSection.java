package dev.autogen.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated section of bench/RESULTS.md between {@code <!-- bench:NAME:begin -->} and
 * {@code <!-- bench:NAME:end -->}: a re-run replaces only that part, so notes written by hand around it survive; a
 * file without the markers gets the section appended.
 */
public final class ResultsSection {
    private ResultsSection() {
    }

    public static void replace(Path file, String name, String section) throws IOException {
        String begin = "<!-- bench:" + name + ":begin -->";
        String end = "<!-- bench:" + name + ":end -->";
        String block = begin + "\n" + section + end + "\n";
        String old = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        int from = old.indexOf(begin);
        int to = from < 0 ? -1 : old.indexOf(end, from);
        String text = from >= 0 && to > from
                ? old.substring(0, from) + block + old.substring(to + end.length()).replaceFirst("^\n", "")
                : old + "\n" + block;
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
