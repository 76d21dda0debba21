package dev.autogen.testing;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migration;
import java.util.List;
import java.util.function.Consumer;

/** Revisions written inline by tests: an upgrade given as a lambda, a downgrade that does nothing. */
public final class TestMigrations {
    private TestMigrations() {
    }

    /** A revision {@code id} after {@code parents} whose upgrade is {@code upgrade}. */
    public static LoadedMigration upgrading(String id, List<String> parents, String message, String className,
                                            Consumer<SchemaChanges> upgrade) {
        return new LoadedMigration(id, parents, message, className, new Migration() {
            @Override
            public void upgrade(SchemaChanges schema) {
                upgrade.accept(schema);
            }

            @Override
            public void downgrade(SchemaChanges schema) {
            }
        }, null);
    }
}
