package dev.autogen.migrate;

import dev.autogen.op.Backfill;
import dev.autogen.op.Operation;
import dev.autogen.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a revision that holds a {@link Backfill}, which cannot be one transaction: it is split into parts at each
 * backfill — the statements before it (one transaction, as a revision of its own would be), the backfill's batches
 * ({@link BackfillBatches}), the statements after it — and each part records in {@link BackfillProgress} that it is
 * done, in its own transaction. The last part also writes the revision's version and history rows and deletes its
 * progress rows. A run killed anywhere thus leaves the revision unapplied but part done, and the next run skips the
 * parts already done and continues the backfill after its last batch.
 *
 * <p>Operations marked {@code .online()} keep their marks in their part: a part with marks runs step by step
 * ({@link OnlineRevisionSteps}), and its finished steps are cleared when the part records itself done.
 *
 * <p>MariaDB is refused before anything runs: its batches are not written yet.
 *
 * <p>Each part first asks the caller's planner, under the lock, whether this revision is still the next one to run:
 * on SQLite another runner may take the write lock between two parts and finish the revision itself.
 */
final class SplitRevision {
    /** A part: the operations {@code [from, from + operations.size())}; one backfill, or statements. */
    private record Part(int from, List<Operation> operations) {
        Backfill backfill() {
            return operations.size() == 1 && operations.getFirst() instanceof Backfill b ? b : null;
        }
    }

    private final RevisionRunner runner;
    private final Dialect dialect;
    private final BackfillBatches batches;
    private final BackfillProgress progress;

    SplitRevision(RevisionRunner runner, Dialect dialect, Consumer<String> listener) {
        this.runner = runner;
        this.dialect = dialect;
        this.progress = new BackfillProgress();
        this.batches = new BackfillBatches(dialect, progress, listener);
    }

    /** Whether {@code operations} need splitting (they hold a backfill). */
    static boolean applies(List<Operation> operations) {
        return operations.stream().anyMatch(Backfill.class::isInstance);
    }

    /**
     * Runs {@code step} (chosen by {@code planner}) part by part; empty when another runner finished it meanwhile.
     */
    Optional<RevisionRunner.Result> run(Connection c, RevisionRunner.Step step, RevisionRunner.Planner planner) {
        LoadedMigration revision = step.revision();
        if (dialect == Dialect.MARIADB) {
            throw new MigrationException("revision " + RevisionRunner.label(revision) + " holds a backfill, which runs"
                    + " in batches on PostgreSQL and SQLite only for now — nothing of it was applied; on MariaDB write"
                    + " the update as schema.execute(\"update ...\") (one transaction)");
        }
        long started = System.nanoTime();
        RevisionRunner.Planner ours = conn -> {
            RevisionRunner.Step again = planner.next(conn);
            return again != null && again.revision().id().equals(revision.id()) ? again : null;
        };
        try {
            progress.createIfMissing(c);
            List<Part> parts = parts(step.operations());
            for (Part part : parts.subList(0, parts.size() - 1)) {
                Backfill backfill = part.backfill();
                if (backfill != null) {
                    if (!batches.run(c, revision, part.from(), backfill, conn -> ours.next(conn) != null)) {
                        return Optional.empty();
                    }
                } else if (!part.operations().isEmpty()) {
                    runner.runOne(c, conn -> ours.next(conn) == null
                            || progress.read(conn, revision.id(), part.from()).finished() ? null
                            : new RevisionRunner.Step(revision, part.operations(), (cc, ms) -> progress.save(cc,
                                    revision.id(), part.from(), new BackfillProgress.Entry(null, 0, true)),
                                    step.online().slice(part.from(), part.operations().size())));
                }
            }
            Part last = parts.getLast();
            return runner.runOne(c, conn -> {
                RevisionRunner.Step again = ours.next(conn);
                return again == null ? null : new RevisionRunner.Step(revision, last.operations(), (cc, ms) -> {
                    progress.clear(cc, revision.id());
                    again.bookkeeping().write(cc, (System.nanoTime() - started) / 1_000_000);
                }, again.online().slice(last.from(), last.operations().size()));
            }).map(r -> new RevisionRunner.Result(revision, (System.nanoTime() - started) / 1_000_000));
        } catch (SQLException e) {
            throw new MigrationException("revision " + RevisionRunner.label(revision) + " failed: database says: "
                    + Objects.toString(e.getMessage(), e.toString()).strip().replaceAll("\\s+", " ")
                    + " — the parts done so far are kept; fix the cause and run again to continue", e);
        }
    }

    /** The operations cut at every backfill; the last part holds the statements after the last one (maybe none). */
    private static List<Part> parts(List<Operation> operations) {
        List<Part> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < operations.size(); i++) {
            if (operations.get(i) instanceof Backfill) {
                parts.add(new Part(from, operations.subList(from, i)));
                parts.add(new Part(i, operations.subList(i, i + 1)));
                from = i + 1;
            }
        }
        parts.add(new Part(from, operations.subList(from, operations.size())));
        return parts;
    }
}
