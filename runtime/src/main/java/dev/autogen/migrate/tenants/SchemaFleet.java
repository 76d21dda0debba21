package dev.autogen.migrate.tenants;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;

import dev.autogen.migrate.ConnectionFactory;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.MigrationException;
import dev.autogen.migrate.MigrationTimeouts;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.SqlLexer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Applies one set of migrations to many PostgreSQL schemas of one database (schema-per-tenant), several schemas at a
 * time. Each schema is migrated by its own {@link Migrator#withSchema} run: its own {@code autogen_version} and
 * {@code autogen_history} in that schema, everything the migrations create in that schema, its own migration lock (so
 * schemas migrate in parallel, and two fleets started together never migrate one schema twice at once), one
 * transaction per revision.
 *
 * <p>A schema's failure is that schema's alone: its failed revision is rolled back (the revisions before it stay), it
 * is reported in the {@link FleetReport}, and the other schemas go on. Running the fleet again finishes what is left:
 * the schemas already at the target have nothing to do.
 *
 * <pre>{@code
 * SchemaFleet fleet = SchemaFleet.of(dataSource::getConnection, migrations)
 *         .parallelism(8)
 *         .listener((schema, line) -> log.info("{}: {}", schema, line));
 * FleetReport report = fleet.upgrade(fleet.schemasListedBy("select schema_name from tenants"), "head");
 * }</pre>
 *
 * Instances are immutable; each setter returns a new one.
 */
public final class SchemaFleet {
    /** PostgreSQL's SQLSTATEs for a schema that already exists (a racing {@code create schema if not exists}). */
    private static final Set<String> ALREADY_EXISTS = Set.of("42P06", "23505");

    private final ConnectionFactory connections;
    private final Migrator migrator;
    private final int parallelism;
    private final boolean createMissingSchemas;
    private final BiConsumer<String, String> listener;

    private SchemaFleet(ConnectionFactory connections, Migrator migrator, int parallelism,
            boolean createMissingSchemas, BiConsumer<String, String> listener) {
        this.connections = connections;
        this.migrator = migrator;
        this.parallelism = parallelism;
        this.createMissingSchemas = createMissingSchemas;
        this.listener = listener;
    }

    /**
     * A fleet that migrates through connections from {@code connections} (each schema's run opens its own and
     * restores the connection's {@code search_path} before closing it), four schemas at a time.
     *
     * @throws dev.autogen.migrate.graph.RevisionGraphException when the migrations do not form a valid graph
     */
    public static SchemaFleet of(ConnectionFactory connections, List<LoadedMigration> migrations) {
        Objects.requireNonNull(connections, "connections");
        return new SchemaFleet(connections, new Migrator(connections, Dialect.POSTGRESQL, migrations), 4, false,
                (schema, line) -> { });
    }

    /** Who the history rows say ran the migrations (default: the operating-system user). */
    public SchemaFleet appliedBy(String appliedBy) {
        return new SchemaFleet(connections, migrator.withAppliedBy(Objects.requireNonNull(appliedBy, "appliedBy")),
                parallelism, createMissingSchemas, listener);
    }

    /** How long each schema's run waits for another runner of the same schema, and the statement timeouts. */
    public SchemaFleet timeouts(MigrationTimeouts timeouts) {
        return new SchemaFleet(connections, migrator.withTimeouts(Objects.requireNonNull(timeouts, "timeouts")),
                parallelism, createMissingSchemas, listener);
    }

    /** Each schema's run goes on although applied revisions were edited ({@link Migrator#ignoringEditedRevisions}). */
    public SchemaFleet ignoringEditedRevisions() {
        return new SchemaFleet(connections, migrator.ignoringEditedRevisions(), parallelism, createMissingSchemas,
                listener);
    }

    /** How many schemas migrate at the same time (at least 1; default 4). Each holds one connection. */
    public SchemaFleet parallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        return new SchemaFleet(connections, migrator, parallelism, createMissingSchemas, listener);
    }

    /**
     * Whether a schema that does not exist is created ({@code create schema if not exists}) before it is migrated.
     * Off by default: a misspelt tenant name should not become a new, empty tenant.
     */
    public SchemaFleet createMissingSchemas(boolean create) {
        return new SchemaFleet(connections, migrator, parallelism, create, listener);
    }

    /** Receives each schema's progress lines ({@code applying 5d0e1f7a3c21 add phone … 42 ms}), from many threads. */
    public SchemaFleet listener(BiConsumer<String, String> listener) {
        return new SchemaFleet(connections, migrator, parallelism, createMissingSchemas,
                Objects.requireNonNull(listener, "listener"));
    }

    public RevisionGraph graph() {
        return migrator.graph();
    }

    /**
     * The schema names a query returns (its first column), in the query's order, duplicates dropped: for example
     * {@code select nspname from pg_namespace where nspname like 'tenant\_%' order by 1}. The query only reads: it
     * must be one statement ({@link #requireOneStatement}) and runs in a read-only transaction that is rolled back,
     * so a query that writes (a function with side effects, a second statement slipped past the check) fails and
     * keeps nothing.
     *
     * @throws IllegalArgumentException when the query is more than one statement
     */
    public List<String> schemasListedBy(String query) {
        requireOneStatement(query);
        Set<String> schemas = new LinkedHashSet<>();
        try (Connection c = connections.open()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("set transaction read only");
                try (ResultSet rs = st.executeQuery(query)) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        if (name != null) {
                            schemas.add(name);
                        }
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new MigrationException("the query listing the schemas failed: " + oneLine(e.getMessage())
                    + " (it runs read-only: it may read, never write)", e);
        }
        return List.copyOf(schemas);
    }

    /**
     * Refuses a query of several statements ({@code select 1; drop table t}); a trailing {@code ;} is allowed. Strings,
     * quoted names and comments are read by {@link SqlLexer}, so a {@code ;} inside them does not count.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static void requireOneStatement(String query) {
        List<SqlLexer.Token> tokens = SqlLexer.tokenize(query, SqlLexer.Quotes.STANDARD);
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is(";") && tokens.subList(i + 1, tokens.size()).stream().anyMatch(t -> !t.is(";"))) {
                throw new IllegalArgumentException("the schemas query must be one statement (a select), not several: "
                        + query.strip());
            }
        }
        if (tokens.stream().allMatch(t -> t.is(";"))) {
            throw new IllegalArgumentException("the schemas query is empty: give a select whose first column names the"
                    + " schemas");
        }
    }

    /** Those of {@code schemas} that do not exist in the database, in order. */
    public List<String> missingSchemas(List<String> schemas) {
        List<String> missing = new ArrayList<>();
        try (Connection c = connections.open(); PreparedStatement st = c.prepareStatement(
                "select count(*) > 0 from pg_catalog.pg_namespace where nspname = ?")) {
            for (String schema : schemas) {
                st.setString(1, schema);
                try (ResultSet rs = st.executeQuery()) {
                    if (!(rs.next() && rs.getBoolean(1))) {
                        missing.add(schema);
                    }
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot read the database's schemas: " + oneLine(e.getMessage()), e);
        }
        return missing;
    }

    /**
     * Upgrades every schema in {@code schemas} to {@code target} ({@code head}, {@code heads}, {@code +N}, an id or
     * prefix), {@link #parallelism} at a time, and reports each. Nothing runs when a schema does not exist and
     * {@link #createMissingSchemas} is off, or when {@code target} names no revision.
     *
     * @throws MigrationException when schemas are missing (naming them), or the database cannot be reached at all
     * @throws dev.autogen.migrate.graph.RevisionGraphException when the target is not a revision of these migrations
     */
    public FleetReport upgrade(List<String> schemas, String target) {
        graph().upgradePath(List.of(), target); // a target that names nothing fails here, before any schema
        return run(schemas, schema -> upgradeOne(schema, target));
    }

    /**
     * Reverts every schema in {@code schemas} to {@code target} ({@code -N}, {@code base}, an id or prefix: each
     * schema's own version rows say what that means there), {@link #parallelism} at a time, and reports each; a
     * {@link SchemaOutcome.Migrated} lists what it reverted. Missing schemas are refused (nothing to revert there,
     * and {@link #createMissingSchemas} does not apply), and nothing runs.
     *
     * @throws MigrationException when schemas are missing (naming them), or the database cannot be reached at all
     */
    public FleetReport downgrade(List<String> schemas, String target) {
        return withoutCreating().run(schemas, schema -> downgradeOne(schema, target));
    }

    private SchemaFleet withoutCreating() {
        return new SchemaFleet(connections, migrator, parallelism, false, listener);
    }

    private FleetReport run(List<String> schemas, Function<String, SchemaOutcome> one) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(schemas));
        if (!createMissingSchemas) {
            List<String> missing = missingSchemas(distinct);
            if (!missing.isEmpty()) {
                throw new MigrationException("schema" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                        + (missing.size() == 1 ? " does" : " do") + " not exist — create "
                        + (missing.size() == 1 ? "it" : "them") + " first, or let the fleet create missing schemas;"
                        + " nothing was migrated");
            }
        }
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, distinct.size())),
                task -> {
                    Thread thread = new Thread(task, "autogen-schema-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<Future<SchemaOutcome>> runs = new ArrayList<>();
            for (String schema : distinct) {
                runs.add(pool.submit(() -> one.apply(schema)));
            }
            List<SchemaOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                outcomes.add(outcomeOf(distinct.get(i), runs.get(i)));
            }
            return new FleetReport(outcomes);
        } finally {
            pool.shutdownNow();
        }
    }

    private static SchemaOutcome outcomeOf(String schema, Future<SchemaOutcome> run) {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SchemaOutcome.Failed(schema, List.of(), null, "interrupted while waiting for the schema's run",
                    List.of());
        } catch (ExecutionException e) {
            // upgradeOne reports its failures; this is an Error in the run
            return new SchemaOutcome.Failed(schema, List.of(), null, String.valueOf(e.getCause()), List.of());
        }
    }

    /** One schema's run; every exception becomes its {@link SchemaOutcome.Failed}. */
    private SchemaOutcome upgradeOne(String schema, String target) {
        Migrator own = migrator.withSchema(schema).withListener(line -> listener.accept(schema, line));
        List<String> before = List.of();
        try {
            if (createMissingSchemas) {
                createIfMissing(schema);
            }
            before = own.current();
            List<String> applied = own.upgrade(target);
            return new SchemaOutcome.Migrated(schema, applied, own.current());
        } catch (RuntimeException e) {
            return failed(own, schema, target, before, e, true);
        }
    }

    /** One schema's downgrade; every exception becomes its {@link SchemaOutcome.Failed}. */
    private SchemaOutcome downgradeOne(String schema, String target) {
        Migrator own = migrator.withSchema(schema).withListener(line -> listener.accept(schema, line));
        List<String> before = List.of();
        try {
            before = own.current();
            List<String> reverted = own.downgrade(target);
            return new SchemaOutcome.Migrated(schema, reverted, own.current());
        } catch (RuntimeException e) {
            return failed(own, schema, target, before, e, false);
        }
    }

    /**
     * What a failed run left: the revisions it applied (or, {@code upgrade} false, reverted) before the failure (the
     * difference between the version rows before and after), and the revision that failed, the next one on the path
     * when the error names it (a failure to connect or to take the lock names none).
     */
    private SchemaOutcome.Failed failed(Migrator own, String schema, String target, List<String> before,
            RuntimeException e, boolean upgrade) {
        String message = oneLine(e.getMessage() == null ? e.toString() : e.getMessage());
        List<String> after;
        try {
            after = own.current();
        } catch (RuntimeException unreadable) {
            return new SchemaOutcome.Failed(schema, List.of(), null, message, List.of());
        }
        RevisionGraph graph = own.graph();
        List<String> moved = new ArrayList<>();
        String revision = null;
        try {
            Set<String> appliedBefore = graph.ancestorsOf(before);
            Set<String> appliedAfter = graph.ancestorsOf(after);
            for (LoadedMigration m : upgrade ? graph.upgradePath(before, target) : graph.downgradePath(before, target)) {
                if (appliedAfter.contains(m.id()) != appliedBefore.contains(m.id())) {
                    moved.add(m.id());
                }
            }
            List<LoadedMigration> pending = upgrade ? graph.upgradePath(after, target)
                    : graph.downgradePath(after, target);
            if (!pending.isEmpty() && message.contains(pending.get(0).id())) {
                revision = pending.get(0).id();
            }
        } catch (RuntimeException ignored) {
            // the version rows name revisions these migrations lack, or the target means nothing there: the message
            // says so
        }
        return new SchemaOutcome.Failed(schema, moved, revision, message, after);
    }

    private void createIfMissing(String schema) {
        try (Connection c = connections.open(); Statement st = c.createStatement()) {
            st.execute("create schema if not exists " + quoteIdentifier(schema));
        } catch (SQLException e) {
            if (!ALREADY_EXISTS.contains(e.getSQLState())) { // another fleet created it at the same moment
                throw new MigrationException("cannot create schema " + schema + ": " + oneLine(e.getMessage()), e);
            }
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
