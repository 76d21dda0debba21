package dev.autogen.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The benchmark's tables, as Markdown: printed to stdout and written to {@code bench/RESULTS.md} between the markers
 * {@value #BEGIN} and {@value #END}, so notes written by hand around them (where the time goes) survive a re-run.
 */
final class ResultsReport {
    static final String BEGIN = "<!-- bench:results:begin -->";
    static final String END = "<!-- bench:results:end -->";
    static final String REFERENCE = "hibernate schema-tool validate (the reference: the CLI's JVM options, an AOT cache"
            + " of its own)";
    /** What a changed model leaves the reference: its AOT cache no longer matches the jar (the first run after). */
    static final String REFERENCE_WITHOUT_CACHE = "hibernate schema-tool validate, the CLI's JVM options, no AOT cache";
    /** The reference of the runs before 2026-12-06. */
    static final String REFERENCE_JVM_DEFAULTS = "hibernate schema-tool validate, the JVM's defaults (the reference"
            + " until 2026-12-06)";

    private final List<Figures> figures;
    private final String machine;
    private final String database;
    private final int runs;

    ResultsReport(List<Figures> figures, String machine, String database, int runs) {
        this.figures = List.copyOf(figures);
        this.machine = machine;
        this.database = database;
        this.runs = runs;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("Run ").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                Instant.now().atOffset(ZoneOffset.UTC).withNano(0))).append(" UTC. ").append(machine).append('\n');
        out.append("Database: ").append(database).append(". Each figure is the median of ").append(runs)
                .append(" cold runs (a new JVM each); \"× validate\" is the median divided by the median of Hibernate's own "
                        + "schema validation (`hbm2ddl.auto=validate` as the schema tool runs it: metadata, grouped "
                        + "catalog extraction, comparison; no session factory) on the same entities and database in this "
                        + "run, in its fastest fair configuration: the JVM options autogen's launcher gives the CLI (C1 "
                        + "only, the serial collector) and a JDK 25 AOT cache of its own, "
                        + "trained on one untimed run of the same validation (`ReferenceJvm`); beside it, the same "
                        + "without the cache (what a changed model leaves it) and with the JVM's defaults (the reference "
                        + "of the runs before 2026-12-06).\n\n");
        for (Figures f : figures) {
            out.append("### ").append(f.entities).append(" entities (")
                    .append(countMedian(f, "entity tables")).append(" tables)\n\n");
            out.append("| command | median ms | min–max ms | × validate | peak RSS MiB |\n|---|---:|---:|---:|---:|\n");
            long reference = f.commands.containsKey(REFERENCE) ? f.medianWall(REFERENCE) : -1;
            for (String command : f.commands.keySet()) {
                long median = f.medianWall(command);
                out.append("| ").append(command).append(" | ").append(median).append(" | ")
                        .append(f.minWall(command)).append("–").append(f.maxWall(command)).append(" | ")
                        .append(reference > 0 ? String.format(Locale.ROOT, "%.2f", (double) median / reference) : "")
                        .append(" | ").append(f.medianRssKb(command) / 1024).append(" |\n");
            }
            out.append('\n');
            f.notes.forEach((command, note) -> out.append("- ").append(command).append(": ").append(note).append('\n'));
            if (!f.notes.isEmpty()) {
                out.append('\n');
            }
        }
        out.append("### Phases, in-process (median ms)\n\n");
        phaseTable(out, "autogen phase", false);
        phaseTable(out, "Hibernate validate phase", true);
        out.append("| count |");
        figures.forEach(f -> out.append(" N=").append(f.entities).append(" |"));
        out.append("\n|---|");
        figures.forEach(f -> out.append("---:|"));
        out.append('\n');
        Set<String> counts = new LinkedHashSet<>();
        figures.forEach(f -> counts.addAll(f.counts.keySet()));
        for (String count : counts) {
            out.append("| ").append(count).append(" |");
            figures.forEach(f -> out.append(' ').append(countMedian(f, count)).append(" |"));
            out.append('\n');
        }
        return out.toString();
    }

    private void phaseTable(StringBuilder out, String title, boolean reference) {
        out.append("| ").append(title).append(" |");
        figures.forEach(f -> out.append(" N=").append(f.entities).append(" |"));
        out.append("\n|---|");
        figures.forEach(f -> out.append("---:|"));
        out.append('\n');
        Set<String> phases = new LinkedHashSet<>();
        figures.forEach(f -> phases.addAll((reference ? f.referencePhases : f.phases).keySet()));
        for (String phase : phases) {
            out.append("| ").append(phase).append(" |");
            figures.forEach(f -> out.append(' ')
                    .append(Figures.median((reference ? f.referencePhases : f.phases).get(phase))).append(" |"));
            out.append('\n');
        }
        out.append('\n');
    }

    private static long countMedian(Figures f, String count) {
        return Figures.median(f.counts.get(count));
    }

    /** Replaces the generated part of {@code file} (or creates the file with a heading) and keeps the rest. */
    void writeTo(Path file) throws IOException {
        String block = BEGIN + "\n" + markdown() + END + "\n";
        String text;
        if (Files.exists(file)) {
            String old = Files.readString(file, StandardCharsets.UTF_8);
            int begin = old.indexOf(BEGIN);
            int end = old.indexOf(END);
            text = begin >= 0 && end > begin
                    ? old.substring(0, begin) + block + old.substring(end + END.length()).replaceFirst("^\n", "")
                    : old + "\n" + block;
        } else {
            text = "# Benchmark results (issue #6)\n\nWritten by `java -jar bench/target/autogen-bench.jar`; see the "
                    + "README's Benchmark section.\n\n" + block;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
