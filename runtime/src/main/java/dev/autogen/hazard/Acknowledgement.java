package dev.autogen.hazard;

import java.util.Objects;

/**
 * A reviewer's written decision that one hazard of one operation is accepted, e.g. {@code DATA_LOSS} with "column
 * unused since 2.3". It lives in the migration source ({@code schema.dropColumn(...).acknowledge(DATA_LOSS, "...")}),
 * so it is visible in the pull request that adds it; {@code autogen lint} then lets the hazard pass.
 */
public record Acknowledgement(HazardKind kind, String reason) {
    public Acknowledgement {
        if (kind == null) {
            throw new IllegalArgumentException("acknowledge(kind, reason) needs a hazard kind");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("acknowledge(" + kind + ", reason) needs a reason: say why the hazard"
                    + " is acceptable, e.g. \"column unused since 2.3\"");
        }
        reason = reason.strip();
    }

    /** True when it acknowledges {@code hazard}'s kind. */
    public boolean covers(Hazard hazard) {
        return Objects.equals(kind, hazard.kind());
    }
}
