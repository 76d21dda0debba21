package dev.autogen.migrate;

import dev.autogen.migrate.history.IntegrityProblem;
import java.util.List;

/**
 * {@code upgrade} or {@code downgrade} refused to run because applied revisions were edited after they ran (their
 * checksum no longer matches the one recorded then). Running on would apply pending revisions on top of a history the
 * code no longer describes, or revert with a downgrade that is not the one that matches what was applied; Flyway
 * refuses the same way ({@code validateOnMigrate}). The way out is explicit: restore the applied version, record the
 * edit with {@link Migrator#repair()}, or run once with {@link Migrator#ignoringEditedRevisions()}. The command line
 * maps it to exit code 2: the input (the migrations) disagrees with the database, nothing ran.
 */
public final class EditedRevisionsException extends MigrationException {
    private final List<String> revisions;

    public EditedRevisionsException(String message, List<String> revisions) {
        super(message);
        this.revisions = List.copyOf(revisions);
    }

    /** The refusal of {@code command} over these {@link IntegrityProblem.Kind#EDITED} problems (not empty). */
    static EditedRevisionsException refusing(String command, List<IntegrityProblem> edited) {
        List<String> ids = edited.stream().map(IntegrityProblem::revision).toList();
        return new EditedRevisionsException(command + " refused, nothing ran: " + edited.getFirst().message()
                + (ids.size() == 1 ? "" : " (also edited: " + String.join(", ", ids.subList(1, ids.size())) + ")")
                + "; if the edit is intended, record it with autogen repair, or run once with --ignore-edited", ids);
    }

    /** The edited applied revisions, in revision order. */
    public List<String> revisions() {
        return revisions;
    }
}
