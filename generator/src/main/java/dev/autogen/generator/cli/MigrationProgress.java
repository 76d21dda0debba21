package dev.autogen.generator.cli;

import dev.autogen.generator.project.ProgressLine;
import dev.autogen.migrate.Migrator;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.BiFunction;

/**
 * How {@code upgrade} and {@code downgrade} report: each revision as it runs (flushed, so a long migration shows
 * progress), then one line saying how many revisions moved and where the database ended up. A backfill's progress
 * is a bar on a terminal ({@link BackfillBar}) and plain lines elsewhere.
 */
final class MigrationProgress {
    private MigrationProgress() {
    }

    /**
     * Runs {@code step} ({@link Migrator#upgrade} or {@link Migrator#downgrade}) towards {@code target}, printing to
     * {@code out}.
     *
     * @param done    the past tense of the step ({@code Applied}, {@code Reverted})
     * @param nothing what to say when no revision moved ({@code Nothing to apply})
     */
    static void run(Migrator migrator, BiFunction<Migrator, String, List<String>> step, String target, String done,
            String nothing, PrintWriter out) {
        BackfillBar bar = new BackfillBar(ProgressLine.terminal());
        Migrator reporting = migrator.withListener(line -> {
            if (!bar.draw(line)) {
                out.println(line);
                out.flush();
            }
        });
        List<String> moved = step.apply(reporting, target);
        List<String> current = reporting.current();
        out.println((moved.isEmpty() ? nothing + ": " : done + " " + moved.size() + " revision"
                + (moved.size() == 1 ? "" : "s") + "; ") + "the database is at "
                + (current.isEmpty() ? "base" : String.join(", ", current)) + ".");
        out.flush();
    }
}
