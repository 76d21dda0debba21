package dev.autogen.migrate.discovery;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migration;
import dev.autogen.migrate.Revision;
import dev.autogen.migrate.RevisionIdRule;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Turns a loaded class into a {@link LoadedMigration}, or says what is wrong with it. A concrete {@link Migration}
 * without {@link Revision}, or a {@code @Revision} class that is not a {@link Migration}, is an error (someone meant it
 * as a migration); other classes (helpers, abstract bases, nested types) are not migrations and are skipped.
 */
final class MigrationClasses {
    private MigrationClasses() {
    }

    static Optional<LoadedMigration> read(Class<?> type, Path sourceFile) {
        Revision revision = type.getAnnotation(Revision.class);
        boolean migration = Migration.class.isAssignableFrom(type);
        String where = sourceFile == null ? type.getName() : type.getName() + " (" + sourceFile + ")";
        if (revision == null) {
            if (migration && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())
                    && type.getEnclosingClass() == null) {
                throw new MigrationSourceException("migration class " + where
                        + " has no @Revision annotation — add @Revision(id = \"...\", parent = \"...\")");
            }
            return Optional.empty();
        }
        if (!migration) {
            throw new MigrationSourceException("class " + where + " has @Revision but does not implement "
                    + Migration.class.getName() + " — make it implement Migration");
        }
        if (revision.id().isBlank()) {
            throw new MigrationSourceException("migration class " + where + " has an empty revision id — give it one");
        }
        checkIds(where, "id", List.of(revision.id()));
        checkIds(where, "parent", List.of(revision.parent()));
        checkIds(where, "dependsOn", List.of(revision.dependsOn()));
        checkIds(where, "replaces", List.of(revision.replaces()));
        return Optional.of(new LoadedMigration(revision.id(), List.of(revision.parent()), revision.message(),
                type.getName(), instantiate(type, where), sourceFile, List.of(revision.dependsOn()),
                List.of(revision.replaces())));
    }

    /**
     * Revision ids become command-line targets, version rows and words in offline scripts: one that {@code --rev-id}
     * would refuse is refused here too ({@link RevisionIdRule}), before anything reads it.
     */
    private static void checkIds(String where, String attribute, List<String> ids) {
        for (String id : ids) {
            RevisionIdRule.problem(id).ifPresent(problem -> {
                throw new MigrationSourceException("migration class " + where + " has an invalid @Revision "
                        + attribute + " " + problem + " — use 1 to 64 letters, digits or '_' (not head, heads or"
                        + " base)");
            });
        }
    }

    private static Migration instantiate(Class<?> type, String where) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return (Migration) constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new MigrationSourceException("migration class " + where
                    + " has no constructor without arguments — add one");
        } catch (InvocationTargetException e) {
            throw new MigrationSourceException("migration class " + where + " failed in its constructor: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MigrationSourceException("cannot instantiate migration class " + where + ": " + e, e);
        }
    }
}
