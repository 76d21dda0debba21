package dev.autogen.op;

import java.util.Objects;

/**
 * A hand-written Java step of a migration ({@code schema.run("backfill slugs", connection -> ...)}). Opaque to the
 * interpreter like raw SQL, never produced by the differ and never written by the emitter (code cannot be
 * generated), and not expressible as SQL: renderers refuse it, the migrator runs it on its connection, and an offline
 * script says in a comment that it was left out.
 *
 * <p>{@link #toString()} shows only the description, because a lambda's own text is a per-run hash: the checksum of
 * a migration that uses a callback covers its description, not its body.
 *
 * @param description what the callback does, for progress lines, scripts and the checksum
 * @param callback    the code
 */
public record RunCallback(String description, ConnectionCallback callback) implements Operation {
    public RunCallback {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(callback, "callback");
    }

    @Override
    public Operation reverse() {
        throw new IrreversibleOperationException("a Java callback has no reverse (" + description
                + "): write the downgrade's own step by hand");
    }

    @Override
    public String toString() {
        return "RunCallback[description=" + description + "]";
    }
}
