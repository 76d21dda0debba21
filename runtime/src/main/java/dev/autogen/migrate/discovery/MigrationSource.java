package dev.autogen.migrate.discovery;

import dev.autogen.migrate.LoadedMigration;
import java.util.List;

/**
 * Where migrations come from: a directory of sources compiled on the fly ({@link SourceDirectoryMigrationSource}) or
 * compiled classes in a package ({@link ClassPathMigrationSource}). Both give the same {@link LoadedMigration}s, sorted
 * by class name (file names sort in creation order), and leave the graph checks to
 * {@link dev.autogen.migrate.graph.RevisionGraph}.
 */
public interface MigrationSource {
    /**
     * @throws MigrationSourceException when the location is missing or a class is not a valid migration
     */
    List<LoadedMigration> load();

    /** Where the migrations come from, for messages ({@code migrations/} or {@code package com.acme.migrations}). */
    String describe();
}
