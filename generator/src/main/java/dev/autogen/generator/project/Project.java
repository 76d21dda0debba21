package dev.autogen.generator.project;

import dev.autogen.generator.catalog.CatalogReader;
import dev.autogen.generator.catalog.CatalogSnapshot;
import dev.autogen.generator.catalog.SqlExpressions;
import dev.autogen.generator.config.DatabaseException;
import dev.autogen.generator.config.Redaction;
import dev.autogen.generator.config.Settings;
import dev.autogen.generator.config.SettingsResolver;
import dev.autogen.generator.config.SqliteFile;
import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.diff.DerivedKeyOrder;
import dev.autogen.generator.diff.RenameHints;
import dev.autogen.generator.diff.SchemaDiffer;
import dev.autogen.generator.jpa.EntityModel;
import dev.autogen.generator.jpa.EntityModelCache;
import dev.autogen.generator.jpa.EntityScanner;
import dev.autogen.migrate.ConnectionFactory;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.discovery.SourceDirectoryMigrationSource;
import dev.autogen.op.Operation;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * One autogen project as the settings describe it: the entities, the database and the migrations directory. Each
 * command asks for only what it needs, and each piece is computed at most once (the entity model takes Hibernate a
 * while to build, and {@code upgrade} does not need it at all).
 */
public final class Project {
    private final Settings settings;
    private final RenamePrompt renamePrompt;
    /** Whether connecting may create a missing SQLite file ({@link #readOnlyDatabase()} says no). */
    private final boolean mayCreateDatabase;
    private List<Class<?>> entityClasses;
    private EntityModel entityModel;
    /** Models read for another dialect than the database's (offline commands), by dialect. */
    private final java.util.Map<Dialect, EntityModel> otherDialectModels = new java.util.EnumMap<>(Dialect.class);
    private Schema entitySchema;
    private String defaultSchemaName;
    private List<LoadedMigration> migrations;
    /** Where {@link #migrations} came from, when a directory of sources (its cache entry keeps notes on them). */
    private SourceDirectoryMigrationSource migrationSource;
    /**
     * The entity model being built on another thread ({@link #startEntityModel}), or null; the thread may still write
     * the model's cache entry after handing the model over.
     */
    private SideThread<BuiltModel> entityModelBuild;
    /** The default schema's catalog being read on another thread ({@link #alongsideCatalogRead}), or null. */
    private SideThread<Schema> defaultCatalogRead;
    /**
     * What the command's own queries wait for while that read runs ({@link #awaitCatalogConnections()}): the end of
     * the in-sync fingerprint's connection, when the read runs beside it ({@link InSyncShortcut}); else nothing.
     */
    private Runnable beforeOwnQueries = () -> { };
    /** {@link #entityModelKey()} once computed; empty when the inputs cannot be keyed. */
    private Optional<String> entityModelKey;

    /** A project that asks about undeclared renames when it runs in a terminal ({@link RenamePrompt#terminal()}). */
    public Project(Settings settings) {
        this(settings, RenamePrompt.terminal());
    }

    /** Who {@link #plan()} asks about undeclared renames. */
    public RenamePrompt renamePrompt() {
        return renamePrompt;
    }

    /** A project whose {@link #plan()} asks {@code renamePrompt} about undeclared renames. */
    public Project(Settings settings, RenamePrompt renamePrompt) {
        this(settings, renamePrompt, true);
    }

    private Project(Settings settings, RenamePrompt renamePrompt, boolean mayCreateDatabase) {
        this.settings = settings;
        this.renamePrompt = renamePrompt;
        this.mayCreateDatabase = mayCreateDatabase;
    }

    /**
     * This project for a command that must not create the database: connecting to a SQLite file that does not exist
     * is then a usage error naming the file, instead of SQLite creating an empty one (a mistyped {@code --url} would
     * otherwise leave a 0-byte file behind and be reported on as an empty database). Only {@code upgrade},
     * {@code stamp} and {@code -m}'s bookkeeping create a database.
     */
    public Project readOnlyDatabase() {
        return new Project(settings, renamePrompt, false);
    }

    public Settings settings() {
        return settings;
    }

    public Dialect dialect() {
        return settings.dialect();
    }

    /**
     * The schema the entities imply, for this project's dialect. Tables in other schemas ({@code @Table(schema =
     * ...)}) are named {@code schema.table}; a mapping that names the default schema itself is read as naming none
     * (see {@link SchemaNamespaces}), which costs one query for the default schema's name when {@code --schema} does
     * not give it.
     */
    public Schema entitySchema() {
        if (entitySchema == null) {
            Schema schema = entityModel().schema();
            entitySchema = SchemaNamespaces.of(schema).isEmpty()
                    ? schema : SchemaNamespaces.withDefault(schema, defaultSchemaName());
        }
        return entitySchema;
    }

    /**
     * The schema whose tables the catalog names without a schema: {@code --schema}, else the connection's (asked once
     * per project, and only when some name is qualified).
     */
    private String defaultSchemaName() {
        if (defaultSchemaName == null) {
            defaultSchemaName = settings.schema() != null ? settings.schema() : currentSchema();
        }
        return defaultSchemaName;
    }

    private String currentSchema() {
        try (Connection connection = connections().open();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select current_schema()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the current schema of " + settings.displayUrl() + ": "
                    + Redaction.message(e.getMessage(), settings.password()), e);
        }
    }

    /**
     * The entities' model, from which the schema, the rename hints and {@code diff}'s provenance are all read: each
     * dialect's Hibernate boot model is built once per project (see {@link EntityModel}). It lives as long as the
     * project, a command's lifetime; it holds no connection.
     */
    public EntityModel entityModel() {
        if (entityModel == null) {
            entityModel = entityModelBuild != null ? entityModelBuild.result().model()
                    : loadEntityModel(entityClasses, dialect());
        }
        return entityModel;
    }

    /**
     * The {@link EntityModelCache} key of this project's entities on its dialect ({@link EntityModel#cacheKey}), or
     * null when the inputs cannot be keyed. Computed once per project: hashing the class files is a warm check's
     * largest cost after the diff, and both the in-sync record and the model cache need it. Any thread may ask.
     */
    public synchronized String entityModelKey() {
        if (entityModelKey == null) {
            Dialect dialect = knownDialect();
            entityModelKey = Optional.ofNullable(dialect == null ? null
                    : EntityModel.cacheKey(settings.classpath(), settings.packages(), dialect));
        }
        return entityModelKey.orElse(null);
    }

    /**
     * Runs {@code command} on this thread while another thread scans the entities and builds their model (schema and
     * rename hints), the longest step of {@code check}, {@code diff} and {@code -m} (seconds at a thousand entities):
     * the migrations, the migrator's queries and the catalog read overlap with it. {@link #entityModel()} waits for
     * that build and rethrows its error unchanged, so a command reports the same error at the same point as without
     * the overlap (a database error that comes first still wins). Whatever happens, the build has ended when this
     * returns: no thread outlives the command.
     */
    public <T> T alongsideEntityModel(Supplier<T> command) {
        startEntityModel();
        try {
            return command.get();
        } finally {
            awaitEntityModelBuild();
        }
    }

    /**
     * Starts scanning the entities and building their model on another thread, unless it is built or being built (or
     * the URL names no dialect, which the command reports itself). Whoever calls this must end in
     * {@link #alongsideEntityModel}, which waits for that thread: {@code check} starts a cold boot before it asks the
     * database for the in-sync fingerprint, then checks alongside it. A model read by Hibernate is handed over before
     * its cache entry is written, so the command diffs while the entry is written.
     */
    public void startEntityModel() {
        Dialect dialect = knownDialect();
        if (entityModel != null || entityModelBuild != null || dialect == null) {
            return;
        }
        // the other thread reads the (immutable) settings and the key; this one takes the model from its result
        Settings settings = this.settings;
        List<Class<?>> scanned = entityClasses;
        entityModelBuild = SideThread.start("autogen-entity-model", () -> {
            EntityModel model = loadEntityModel(settings, scanned, dialect, this::entityModelKey);
            model.renameHints();
            model.derivedKeyOrder();
            return new BuiltModel(model, model.cacheWrite());
        }, built -> built.cacheWrite().run());
    }

    /** A model built on another thread, and the write of its cache entry that thread does after handing it over. */
    private record BuiltModel(EntityModel model, Runnable cacheWrite) {
    }

    /**
     * The entities' model for {@code dialect}: built from {@code scanned} when the classes were already loaded, else
     * from the {@link EntityModelCache} when nothing changed since a run that read them, else read by Hibernate (and
     * stored in the cache before this returns).
     */
    private EntityModel loadEntityModel(List<Class<?>> scanned, Dialect dialect) {
        Supplier<String> key = dialect == knownDialect() ? this::entityModelKey
                : () -> EntityModel.cacheKey(settings.classpath(), settings.packages(), dialect);
        EntityModel model = loadEntityModel(settings, scanned, dialect, key);
        model.cacheWrite().run();
        return model;
    }

    /**
     * Loads the model and its schema (Hibernate's boot, unless cached), with a progress line on a terminal; a miss's
     * cache entry is left for {@link EntityModel#cacheWrite()}. {@code key} is asked only when the cache is on.
     */
    private static EntityModel loadEntityModel(Settings settings, List<Class<?>> scanned, Dialect dialect,
                                               Supplier<String> key) {
        String task = "reading the entities in " + String.join(", ", settings.packages()) + " through Hibernate";
        return ProgressLine.terminal().during(task, () -> {
            EntityModelCache cache = EntityModelCache.fromEnvironment();
            EntityModel model = scanned != null ? EntityModel.of(scanned, dialect)
                    : EntityModel.loadUnstored(settings.classpath(), settings.packages(), dialect, cache,
                            cache.enabled() ? key.get() : null);
            try {
                model.schema();
            } catch (RuntimeException | Error e) {
                model.close();
                throw e;
            }
            return model;
        });
    }

    /**
     * The entities' model for {@code dialect}, which may differ from the database's ({@code check --offline} and
     * {@code -m --offline} read the entities in their own dialect): the project's own model when the dialects agree,
     * else one loaded (from the cache, when nothing changed) once per project and dialect.
     */
    public EntityModel entityModel(Dialect dialect) {
        if (dialect == knownDialect()) {
            return entityModel();
        }
        return otherDialectModels.computeIfAbsent(dialect, d -> loadEntityModel(entityClasses, d));
    }

    /** The schema the entities imply for {@code dialect} (see {@link #entityModel(Dialect)}). */
    public Schema entitySchema(Dialect dialect) {
        return entityModel(dialect).schema();
    }

    /** The tables whose key order is Hibernate's choice, in the model for {@code dialect}. */
    public DerivedKeyOrder derivedKeyOrder(Dialect dialect) {
        return entityModel(dialect).derivedKeyOrder();
    }

    /** The dialect, or null when the URL names none (the command reports that itself, where it did before). */
    private Dialect knownDialect() {
        try {
            return dialect();
        } catch (UsageException e) {
            return null;
        }
    }

    /**
     * Waits until the build's thread has ended (it may still run when the command failed before it needed the model,
     * and it ends a moment after handing over its result); the build's own outcome is ignored here, the command's
     * error or result is what counts.
     */
    private void awaitEntityModelBuild() {
        if (entityModelBuild != null) {
            entityModelBuild.await();
        }
    }

    /** The entity classes found in the configured packages (scanned once). */
    public List<Class<?>> entityClasses() {
        if (entityClasses == null) {
            entityClasses = entityModelBuild != null ? entityModel().classes()
                    : EntityScanner.scan(settings.classpath(), settings.packages());
        }
        return entityClasses;
    }

    /**
     * The entity packages: {@code --packages}, else (zero configuration) the root packages of the entities found on the
     * class path. What messages name as "the entities in ...".
     */
    public List<String> entityPackages() {
        return settings.packages().isEmpty() ? EntityScanner.entityPackages(entityClasses()) : settings.packages();
    }

    /** The renames the entities declare with {@code @RenamedFrom}. */
    public RenameHints renameHints() {
        return entityModel().renameHints();
    }

    /**
     * The live catalog (autogen's version tables left out): the default schema, and on PostgreSQL the other schemas
     * the entities name. The default schema is read first, without waiting for the entity model (which may still be
     * building on another thread, see {@link #alongsideEntityModel}); only when the entities turn out to name other
     * schemas ({@code @Table(schema = ...)}, rare), or the migrations created tables in other schemas (so that a table
     * whose entity was removed is still seen, and dropped), is the catalog read again with them.
     */
    public Schema databaseSchema() {
        Schema defaultSchema = defaultCatalog();
        if (dialect() != Dialect.POSTGRESQL) {
            // SQLite keeps no row-level security: what the migrations set is what the database is taken to have
            return Files.isDirectory(settings.migrationsDir())
                    ? MigratedRowSecurity.overlay(defaultSchema, migrations()) : defaultSchema;
        }
        Set<String> otherSchemas = new TreeSet<>(SchemaNamespaces.of(entitySchema()));
        if (Files.isDirectory(settings.migrationsDir())) {
            List<LoadedMigration> loaded = migrations();
            otherSchemas.addAll(SchemaNamespaces.createdBy(loaded, migrationSource));
        }
        if (otherSchemas.isEmpty()) {
            return defaultSchema;
        }
        otherSchemas.remove(defaultSchemaName());
        return otherSchemas.isEmpty() ? defaultSchema : readCatalog(otherSchemas);
    }

    /**
     * Runs {@code command} on this thread while another thread reads the default schema's catalog, which
     * {@link #databaseSchema()} then takes instead of reading it (once): the read waits mostly on the database (a
     * quarter of a second at a thousand tables), so {@code check} loads and validates the migrations meanwhile. Call it
     * only after anything that must see the database before the read (the in-sync fingerprint). An error of that read
     * is thrown where {@link #databaseSchema()} is asked, as without the overlap, so an earlier error still wins; the
     * thread has ended when this returns.
     */
    public <T> T alongsideCatalogRead(Supplier<T> command) {
        return alongsideCatalogRead(() -> readCatalog(Set.of()), () -> { }, command);
    }

    /**
     * {@link #alongsideCatalogRead(Supplier)} with the default schema's catalog read by {@code read} ({@code check}'s
     * read in the in-sync fingerprint's snapshot, which may start before the fingerprint is taken); the command's own
     * queries first run {@code beforeOwnQueries} (the read holds its connections while the fingerprint's is open: they
     * wait until that one has closed, so the check never holds more connections at once than before).
     */
    <T> T alongsideCatalogRead(Callable<Schema> read, Runnable beforeOwnQueries, Supplier<T> command) {
        if (knownDialect() == null || defaultCatalogRead != null) {
            return command.get();
        }
        SideThread<Schema> started = SideThread.start("autogen-catalog", read);
        defaultCatalogRead = started;
        this.beforeOwnQueries = beforeOwnQueries;
        try {
            return command.get();
        } finally {
            defaultCatalogRead = null;
            this.beforeOwnQueries = () -> { };
            started.await();
        }
    }

    /**
     * Waits, before the command's own queries, for what the catalog read alongside asked (see
     * {@link #alongsideCatalogRead(Callable, Runnable, Supplier)}).
     */
    void awaitCatalogConnections() {
        beforeOwnQueries.run();
    }

    /** The default schema's catalog: the one read alongside, the first time it is asked, else read now. */
    Schema defaultCatalog() {
        SideThread<Schema> read = defaultCatalogRead;
        if (read == null) {
            return readCatalog(Set.of());
        }
        defaultCatalogRead = null;
        return read.result();
    }

    /** The default schema's catalog, read now. */
    Schema readDefaultCatalog() {
        return readCatalog(Set.of());
    }

    private Schema readCatalog(Set<String> otherSchemas) {
        try (Connection connection = connections().open()) {
            return CatalogReader.forDialect(dialect()).read(connection, () -> anotherConnection(null),
                    settings.schema(), otherSchemas);
        } catch (SQLException e) {
            throw catalogError(e);
        }
    }

    /**
     * The default schema's catalog as {@code snapshot} shows it, read on connections that import it; empty when the
     * first cannot be opened or cannot import it (the caller reads on its own then). A second connection that cannot
     * leaves the read to the first, as a refused one does.
     */
    Optional<Schema> readDefaultCatalogIn(CatalogSnapshot snapshot) {
        Connection first;
        try {
            first = snapshot.importInto(connections().open());
        } catch (SQLException | DatabaseException e) {
            return Optional.empty();
        }
        try (Connection connection = first) {
            // once the second connection has imported (or could not), the exporter may end its transaction
            return Optional.of(CatalogReader.forDialect(dialect()).read(connection, () -> {
                try {
                    return anotherConnection(snapshot);
                } finally {
                    snapshot.release();
                }
            }, settings.schema(), Set.of()));
        } catch (SQLException e) {
            throw catalogError(e);
        }
    }

    /**
     * One more connection for the catalog reader, in {@code snapshot} when not null; a refused one is an
     * {@link SQLException}, which leaves its queries to the reader's first connection.
     */
    private Connection anotherConnection(CatalogSnapshot snapshot) throws SQLException {
        Connection connection;
        try {
            connection = connections().open();
        } catch (DatabaseException e) {
            throw new SQLException(e.getMessage(), e);
        }
        return snapshot == null ? connection : snapshot.importInto(connection);
    }

    private DatabaseException catalogError(SQLException e) {
        return new DatabaseException("cannot read the catalog of " + settings.displayUrl() + ": "
                + Redaction.message(e.getMessage(), settings.password()), e);
    }

    /**
     * What the database lacks to match the entities, in execution order: declared renames first, then the undeclared
     * ones this project's rename prompt confirms (see {@link RenamePlanner}), then the rest.
     */
    public List<Operation> plan() {
        return plan(renamePrompt);
    }

    /** {@link #plan()} with another rename prompt ({@link RenamePrompt#never()} for commands that only report). */
    public List<Operation> plan(RenamePrompt prompt) {
        return plan(databaseSchema(), prompt);
    }

    /** {@link #plan(RenamePrompt)} against a catalog already read. */
    public List<Operation> plan(Schema database, RenamePrompt prompt) {
        return new RenamePlanner(dialect(), differ(), prompt).plan(database, entitySchema(), renameHints());
    }

    /**
     * {@link #plan(Schema, RenamePrompt)} that never offers a table {@code unmanaged} says no migration created as
     * the old name of an undeclared rename (see {@link RenamePlanner}).
     */
    public List<Operation> plan(Schema database, RenamePrompt prompt, UnmanagedTables unmanaged) {
        return new RenamePlanner(dialect(), differ(), prompt, unmanaged::createdByMigration)
                .plan(database, entitySchema(), renameHints());
    }

    /** The differ of this project: the dialect's rules, and the key order of the entities' collection tables. */
    public SchemaDiffer differ() {
        return new SchemaDiffer(dialect(), SqlExpressions::canonical, entityModel().derivedKeyOrder());
    }

    /** The migrations in the migrations directory, compiled in memory, in class-name order. */
    public List<LoadedMigration> migrations() {
        if (migrations == null) {
            if (!Files.isDirectory(settings.migrationsDir())) {
                throw new UsageException("migrations directory does not exist: " + settings.migrationsDir()
                        + ": create it or pass --migrations DIR");
            }
            Path sources = settings.migrationSources();
            // a shared source root whose migrations package has no directory yet simply has no migrations
            if (Files.isDirectory(sources)) {
                SourceDirectoryMigrationSource source = new SourceDirectoryMigrationSource(sources);
                migrations = source.load();
                migrationSource = source;
            } else {
                migrations = List.of();
            }
        }
        return migrations;
    }

    /**
     * The migrator of this project's database; with {@code --schema} on PostgreSQL it works in that schema (its
     * {@code search_path}), so {@code check}, {@code current} and {@code upgrade} read and write that schema's version
     * tables, as the catalog reader reads that schema's tables.
     */
    public Migrator migrator() {
        Migrator migrator = new Migrator(connections(), dialect(), migrations());
        return settings.schema() != null && dialect() == Dialect.POSTGRESQL
                ? migrator.withSchema(settings.schema()) : migrator;
    }

    /**
     * Opens connections, turning a refused connection into one line that names the URL (password masked) and the
     * options to check.
     */
    public ConnectionFactory connections() {
        dialect(); // an unsupported URL is a usage error (exit 2), not "no suitable driver" from DriverManager
        ConnectionFactory raw = KeptConnections.wrap(settings.url(), settings.user(), settings.password(),
                ConnectionFactory.of(settings.url(), settings.user(), settings.password()));
        return () -> {
            if (missingSqliteFile()) {
                // the embedded default, not made yet: read as the empty database it stands for, without creating it
                return ConnectionFactory.of("jdbc:sqlite::memory:", null, null).open();
            }
            try {
                return raw.open();
            } catch (SQLException e) {
                throw new DatabaseException("cannot connect to " + settings.displayUrl() + ": "
                        + firstLine(Redaction.message(e.getMessage(), settings.password()))
                        + " (check --url, --user and --password)", e);
            }
        };
    }

    /**
     * Whether a command that must not create the database is about to open a SQLite file that does not exist: an error
     * naming the file, except for the embedded default ({@code jdbc:sqlite:autogen.db}, which a first
     * {@code autogen diff} in a fresh checkout reads before anything made it; it is read as empty, not created).
     */
    private boolean missingSqliteFile() {
        if (mayCreateDatabase || dialect() != Dialect.SQLITE) {
            return false;
        }
        SqliteFile file = SqliteFile.of(settings.url()).filter(f -> !Files.exists(f.path())).orElse(null);
        if (file == null) {
            return false;
        }
        if (settings.url().equals(SettingsResolver.DEFAULT_URL)) {
            return true;
        }
        throw new UsageException("SQLite database file does not exist: " + file.path().toAbsolutePath()
                + " — check --url; autogen upgrade, stamp or -m create it");
    }

    static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
