package dev.autogen.generator.project;

import dev.autogen.generator.config.UsageException;

/**
 * {@code autogen merge -m MESSAGE}: when two branches of revisions were written in parallel (two pull requests, each
 * with its own migration on the same parent), the graph has two heads and {@code upgrade head}, {@code check} and
 * {@code -m} refuse to guess an order. A merge revision follows every head and does nothing itself, so the graph has
 * one head again. It needs no database: it only reads the migrations.
 */
public final class MergeRevision {
    private MergeRevision() {
    }

    /** @param revisionId the id to use, or null for a random 12-hex-digit one */
    public static RevisionWriter.WrittenRevision run(Project project, String message, String revisionId) {
        if (message == null || message.isBlank()) {
            throw new UsageException("a merge needs a message: pass -m \"merge heads\"");
        }
        String id = Autogenerate.revisionIdOrRandom(revisionId);
        return new RevisionWriter().writeMerge(project.settings().migrationsDir(),
                project.settings().migrationsPackage(), project.migrations(), id, message.strip());
    }
}
