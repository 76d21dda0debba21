package dev.autogen.migrate.history;

import java.time.Instant;
import java.util.List;

/**
 * One revision of the migrations at hand and what the database recorded of it: the line a status page (the Spring
 * Boot actuator endpoint, a deployment dashboard) shows per revision, so that "is it applied, when, and is the applied
 * code still the code we ship?" is answered without reading {@code autogen_history} by hand.
 *
 * @param id        the revision id
 * @param message   its message
 * @param parents   its parents (empty for a first revision)
 * @param applied   whether the database has it (a version row or something a version row requires)
 * @param appliedAt when its latest {@code upgrade} or {@code stamp} row was written; null when pending, or applied
 *                  only implicitly (an ancestor of a stamped revision)
 * @param appliedBy who wrote that row; null likewise
 * @param checksum  whether the applied code still matches the checksum recorded then
 */
public record RevisionStatus(String id, String message, List<String> parents, boolean applied, Instant appliedAt,
        String appliedBy, Checksum checksum) {

    public RevisionStatus {
        parents = List.copyOf(parents);
    }

    /** How the revision's code compares with the checksum the database recorded when it was applied. */
    public enum Checksum {
        /** Applied, and its operations still match the recorded checksum. */
        MATCHES,
        /** Applied, but edited since: its operations no longer match (an {@link IntegrityProblem.Kind#EDITED}). */
        EDITED,
        /** Applied only implicitly (an ancestor of a stamped revision): no checksum was recorded for it. */
        NOT_RECORDED,
        /** Not applied: nothing to compare. */
        PENDING
    }
}
