package dev.autogen.migrate;

import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.migrate.history.AppliedRevisions;
import dev.autogen.migrate.history.HistoryEntry;
import dev.autogen.migrate.history.IntegrityProblem;
import dev.autogen.migrate.history.RecordedRevisions;
import java.util.List;

/**
 * The applied revisions whose recorded checksum differs from the migrations': {@code upgrade} and {@code downgrade}
 * refuse to run past them (the code no longer says what the database holds), and {@code repair} records their new
 * checksums.
 */
final class EditedRevisions {
    private EditedRevisions() {
    }

    /** The edited revisions among those {@code recorded} (read under the lock). */
    static List<IntegrityProblem> in(RevisionGraph graph, RecordedRevisions recorded) {
        return in(graph, recorded.current(), recorded.history());
    }

    static List<IntegrityProblem> in(RevisionGraph graph, List<String> current, List<HistoryEntry> history) {
        return AppliedRevisions.check(graph, current, history, "the migrations").problems().stream()
                .filter(p -> p.kind() == IntegrityProblem.Kind.EDITED).toList();
    }

    /** Fails before anything runs when {@code edited} names any revision. */
    static void refuse(List<IntegrityProblem> edited, String command) {
        if (!edited.isEmpty()) {
            throw EditedRevisionsException.refusing(command, edited);
        }
    }
}
