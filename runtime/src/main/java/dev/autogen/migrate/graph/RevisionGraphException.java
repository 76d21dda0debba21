package dev.autogen.migrate.graph;

/**
 * The revisions do not form a usable graph (duplicate ids, a missing parent, a cycle, several heads where one is
 * needed) or a target cannot be resolved. One line naming the revisions involved and the fix; exit code 2.
 */
public class RevisionGraphException extends RuntimeException {
    public RevisionGraphException(String message) {
        super(message);
    }
}
