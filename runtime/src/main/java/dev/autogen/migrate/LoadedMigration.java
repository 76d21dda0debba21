package dev.autogen.migrate;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.op.Operation;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A migration found by a {@link dev.autogen.migrate.discovery.MigrationSource}: its {@link Revision} data read once,
 * with the instance that describes its changes. The graph and the migrator work on these, never on annotations, so a
 * test can build one by hand.
 *
 * @param id         the revision id
 * @param parents    the parent revision ids (empty for a first revision; two or more for a merge)
 * @param message    the human message
 * @param className  the binary name of the class
 * @param instance   the migration itself
 * @param sourceFile the {@code .java} file it was compiled from, or null when it was loaded from compiled classes
 * @param dependsOn  revisions (usually on other branches) that must be applied before this one, without being its
 *                   parents: they order the graph but do not merge branches ({@link Revision#dependsOn()})
 * @param replaces   the revisions this one squashes, in order ({@link Revision#replaces()}); empty for any other
 */
public record LoadedMigration(String id, List<String> parents, String message, String className, Migration instance,
        Path sourceFile, List<String> dependsOn, List<String> replaces) {

    public LoadedMigration {
        Objects.requireNonNull(id, "id");
        parents = List.copyOf(parents);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        replaces = replaces == null ? List.of() : List.copyOf(replaces);
        message = message == null ? "" : message;
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(instance, "instance");
    }

    /** A migration that squashes nothing. */
    public LoadedMigration(String id, List<String> parents, String message, String className, Migration instance,
            Path sourceFile, List<String> dependsOn) {
        this(id, parents, message, className, instance, sourceFile, dependsOn, List.of());
    }

    /** A migration without dependencies beyond its parents. */
    public LoadedMigration(String id, List<String> parents, String message, String className, Migration instance,
            Path sourceFile) {
        this(id, parents, message, className, instance, sourceFile, List.of());
    }

    /** This migration following other revisions (the graph re-points a follower of a squash it reads as another). */
    public LoadedMigration withRequirements(List<String> parents, List<String> dependsOn) {
        return new LoadedMigration(id, parents, message, className, instance, sourceFile, dependsOn, replaces);
    }

    /** The operations {@code upgrade} records, in order. */
    public List<Operation> upgradeOperations() {
        return upgradeChanges().operations();
    }

    /** What {@code upgrade} records: its operations and their acknowledged hazards. */
    public SchemaChanges upgradeChanges() {
        var changes = new SchemaChanges();
        instance.upgrade(changes);
        return changes;
    }

    /** What {@code downgrade} records: its operations and their acknowledged hazards. */
    public SchemaChanges downgradeChanges() {
        var changes = new SchemaChanges();
        instance.downgrade(changes);
        return changes;
    }

    /** The operations {@code downgrade} records, in order. */
    public List<Operation> downgradeOperations() {
        var changes = new SchemaChanges();
        instance.downgrade(changes);
        return changes.operations();
    }

    /** The class's simple name (for messages). */
    public String simpleName() {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }
}
