package dev.autogen.migrate;

import dev.autogen.migrate.discovery.ClassPathMigrationSource;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.migrate.offline.OfflineScript;
import dev.autogen.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The entry point for an application that migrates its own database at start-up, with what it already has: a
 * {@link DataSource} and the migrations compiled into its jar.
 *
 * <pre>{@code
 * AutogenMigrations.forDataSource(dataSource)
 *         .migrationsIn("com.acme.db.migrations")
 *         .listener(log::info)
 *         .upgrade();
 * }</pre>
 *
 * The dialect is read from the connection's metadata (PostgreSQL or SQLite) unless {@link #dialect(Dialect)} says
 * it. Each call to {@code upgrade}/{@code downgrade} is one {@link Migrator} run: every revision in its own
 * transaction, concurrent starters serialised by the migrator's lock. Instances are immutable; each setter returns
 * a new one.
 */
public final class AutogenMigrations {
    private final ConnectionFactory connections;
    private final String packageName;
    private final ClassLoader classLoader;
    private final Consumer<String> listener;
    private final String appliedBy;
    private final Dialect dialect;

    private AutogenMigrations(ConnectionFactory connections, String packageName, ClassLoader classLoader,
            Consumer<String> listener, String appliedBy, Dialect dialect) {
        this.connections = connections;
        this.packageName = packageName;
        this.classLoader = classLoader;
        this.listener = listener;
        this.appliedBy = appliedBy;
        this.dialect = dialect;
    }

    /** Migrations applied through connections from {@code dataSource} (each run opens and closes its own). */
    public static AutogenMigrations forDataSource(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return forConnections(dataSource::getConnection);
    }

    /** Migrations applied through connections {@code connections} opens (a pool, a URL, a test harness). */
    public static AutogenMigrations forConnections(ConnectionFactory connections) {
        Objects.requireNonNull(connections, "connections");
        return new AutogenMigrations(connections, null, null, line -> { }, System.getProperty("user.name", "unknown"),
                null);
    }

    /** The package the migration classes are in (its sub-packages are not scanned). */
    public AutogenMigrations migrationsIn(String packageName) {
        return new AutogenMigrations(connections, Objects.requireNonNull(packageName, "packageName"), classLoader,
                listener, appliedBy, dialect);
    }

    /** Where to find them (default: the thread's context class loader, else this library's). */
    public AutogenMigrations classLoader(ClassLoader classLoader) {
        return new AutogenMigrations(connections, packageName, classLoader, listener, appliedBy, dialect);
    }

    /** Receives one line per revision applied or reverted ({@code applying 5d0e1f7a3c21 add phone … 42 ms}). */
    public AutogenMigrations listener(Consumer<String> listener) {
        return new AutogenMigrations(connections, packageName, classLoader,
                Objects.requireNonNull(listener, "listener"), appliedBy, dialect);
    }

    /** Who the history rows say ran the migrations (default: the operating-system user). */
    public AutogenMigrations appliedBy(String appliedBy) {
        return new AutogenMigrations(connections, packageName, classLoader, listener,
                Objects.requireNonNull(appliedBy, "appliedBy"), dialect);
    }

    /** The database's dialect, when reading it from the connection is not wanted. */
    public AutogenMigrations dialect(Dialect dialect) {
        return new AutogenMigrations(connections, packageName, classLoader, listener, appliedBy,
                Objects.requireNonNull(dialect, "dialect"));
    }

    /**
     * Applies every pending revision up to the single head.
     *
     * @return the revision ids applied, in order (empty when the database was up to date)
     * @throws MigrationException when a revision fails (it is rolled back; those before it stay applied)
     */
    public List<String> upgrade() {
        return upgrade("head");
    }

    /** Applies revisions up to {@code target} ({@code head}, {@code heads}, {@code +N}, an id or a unique prefix). */
    public List<String> upgrade(String target) {
        return migrator().upgrade(target);
    }

    /** Reverts revisions down to {@code target} ({@code -N}, {@code base}, an id or a unique prefix). */
    public List<String> downgrade(String target) {
        return migrator().downgrade(target);
    }

    /** The revisions the database is at; empty when none was applied. */
    public List<String> current() {
        return migrator().current();
    }

    /**
     * The SQL script {@link #upgrade()} would run from where the database is now (reads the version table only),
     * for a review or a DBA's change ticket.
     */
    public String pendingSql() {
        List<LoadedMigration> migrations = load();
        Dialect resolved = resolveDialect();
        Migrator migrator = new Migrator(connections, resolved, migrations);
        return new OfflineScript(resolved, migrator.graph(), appliedBy).upgrade(migrator.current(), "head");
    }

    /** The migrator these settings describe (for what the methods above do not cover). */
    public Migrator migrator() {
        List<LoadedMigration> migrations = load();
        return new Migrator(connections, resolveDialect(), migrations).withListener(listener).withAppliedBy(appliedBy);
    }

    /** The migrations, checked as a graph before any connection is opened. */
    private List<LoadedMigration> load() {
        if (packageName == null) {
            throw new IllegalStateException("say where the migrations are: migrationsIn(\"com.acme.db.migrations\")");
        }
        ClassLoader loader = classLoader != null ? classLoader
                : Thread.currentThread().getContextClassLoader() != null ? Thread.currentThread().getContextClassLoader()
                : AutogenMigrations.class.getClassLoader();
        List<LoadedMigration> migrations = new ClassPathMigrationSource(loader, packageName).load();
        new RevisionGraph(migrations); // duplicate ids, missing parents and cycles fail here, before any connection
        return migrations;
    }

    private Dialect resolveDialect() {
        return dialect != null ? dialect : detectDialect();
    }

    private Dialect detectDialect() {
        try (Connection c = connections.open()) {
            String product = c.getMetaData().getDatabaseProductName();
            return switch (product == null ? "" : product.toLowerCase(Locale.ROOT)) {
                case "postgresql" -> Dialect.POSTGRESQL;
                case "sqlite" -> Dialect.SQLITE;
                case "mariadb", "mysql" -> Dialect.MARIADB;
                default -> throw new MigrationException("autogen migrates PostgreSQL, MariaDB and SQLite, and this database"
                        + " says it is " + product + " — use one of those, or set dialect(...) if it is compatible");
            };
        } catch (SQLException e) {
            throw new MigrationException("cannot connect to the database to read its dialect: " + e.getMessage(), e);
        }
    }
}
