package dev.autogen.test;

import dev.autogen.generator.config.Settings;
import dev.autogen.generator.project.Project;
import dev.autogen.generator.project.RenamePrompt;
import dev.autogen.generator.project.UnmanagedTables;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.op.Operation;
import dev.autogen.sql.Dialect;
import java.nio.file.Path;
import java.util.List;

/**
 * The entity half of {@code autogen check} on a migrated test database: what autogenerate would still write, with the
 * same differ, rename rules (no prompt: nobody to ask in a test) and unmanaged-table rule as the command line. The
 * revision-graph and version-table halves of {@code check} are the kit's other tests.
 */
final class EntityConformance {
    /** No migrations directory: the kit's migrations are compiled classes, handed to {@link UnmanagedTables}. */
    private static final Path NO_MIGRATIONS_DIRECTORY = Path.of("autogen-test-has-no-migrations-directory");

    private EntityConformance() {
    }

    /** The operations that would bring the database at {@code url} in line with the entities; empty when in step. */
    static List<Operation> drift(String url, Dialect dialect, MigrationTestSettings settings,
                                 List<LoadedMigration> migrations) {
        Settings project = new Settings(url, null, null, List.of(), settings.entityPackages(),
                NO_MIGRATIONS_DIRECTORY, settings.migrationsPackage(), null, false);
        List<Operation> plan = new Project(project, RenamePrompt.never()).plan(RenamePrompt.never());
        return UnmanagedTables.of(migrations).filter(plan).plan();
    }
}
