package dev.autogen.migrate;

import dev.autogen.dsl.SchemaChanges;

/**
 * One revision: what {@code upgrade} changes and how {@code downgrade} undoes it. Implementations are annotated with
 * {@link Revision} and describe changes through {@link SchemaChanges}; they never touch a connection, so that the same
 * class renders on every dialect and can be printed as SQL offline.
 */
public interface Migration {
    void upgrade(SchemaChanges schema);

    void downgrade(SchemaChanges schema);
}
