package dev.autogen.sample.migrations;

import dev.autogen.sql.Dialect;
import dev.autogen.test.MigrationTestSuite;
import dev.autogen.test.MigrationTests;

/**
 * The committed sample migrations under the migration test kit, as a project would test its own: one head; on
 * PostgreSQL, SQLite and MariaDB, base to head, in step with the sample entities ({@code autogen check} and Hibernate's
 * validation), and every revision up, down and up again with the catalog restored. The command line's view of the
 * same migrations is the generator's {@code SampleMigrationsTest}.
 */
@MigrationTests(entities = "dev.autogen.sample", migrationsPackage = "dev.autogen.sample.migrations",
        databases = {Dialect.POSTGRESQL, Dialect.SQLITE, Dialect.MARIADB})
class SampleMigrationsKitTest implements MigrationTestSuite {
}
