package dev.autogen.generator.project;

import dev.autogen.generator.catalog.CatalogFingerprint;
import dev.autogen.generator.catalog.CatalogSnapshot;
import dev.autogen.generator.config.Settings;
import dev.autogen.generator.jpa.RecordCodec;
import dev.autogen.migrate.discovery.CacheDigest;
import dev.autogen.migrate.discovery.CacheEntries;
import dev.autogen.migrate.discovery.CompiledClassCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@code check}'s in-sync record: after a clean check, what it reported is remembered together with a
 * {@link CatalogFingerprint} of the database, under a key of everything else the outcome depends on (the entity model's
 * cache key, the bytes of the migration sources, the database URL, user and schema, the settings that shape the report,
 * and autogen's and Hibernate's code, through the entity-model key). The next check computes the key (reading files,
 * loading no entity class) while another thread asks the database for its fingerprint, one query (nothing else reads
 * the database before it); when a record exists under the key and its fingerprint is the same, the database cannot have changed in a way a check could see, and the check reports clean without reading the
 * entities, the catalog or the migrations (no Hibernate, no diff, no compiled migration). Any difference, a missing or
 * damaged record, or any error on the way is simply a miss: the full check runs, and reports errors as it always did.
 *
 * <p>When no record is stored under the key (the first check after a change, or after the last record was used up), the
 * look-up cannot hit and the full check need not wait for the fingerprint: on PostgreSQL the fingerprint is taken in
 * a {@code REPEATABLE READ} transaction whose snapshot the check's catalog read imports ({@link CatalogSnapshot}), so
 * the read runs at the same time (the fingerprint query takes a third of a second at 5 500 tables) and still sees
 * exactly the state fingerprinted; the check's other queries start once the fingerprint's connection has closed (the
 * read's connections have imported the snapshot by then), so no more connections are open at once. When the snapshot
 * cannot be shared (another database, a refused connection), the read waits for the fingerprint as before.
 *
 * <p>Records live in {@code in-sync/} beside the entity models (so {@code AUTOGEN_CACHE_DIR=off} disables them and
 * deleting the cache directory clears them); the 32 most recently used are kept. A record names no secret: the
 * password is not part of the key, and the URL is only part of its digest.
 */
public final class InSyncShortcut implements AutoCloseable {
    private static final String DIRECTORY = "in-sync";
    private static final int KEPT_RECORDS = 32;
    /** Bumped when the key's inputs or the record's layout change. */
    private static final String FORMAT = "autogen-in-sync-3";

    private final Project project;
    private final CacheEntries records;
    private final String key;
    /** Whether a record is stored under the key (read once, before the check reads the database). */
    private final boolean stored;
    /**
     * The snapshot the fingerprint is taken in, once exported (null: none, the fingerprint alone fixes the state); it
     * completes in every case, early, so that nobody waits on it for long.
     */
    private final CompletableFuture<CatalogSnapshot> exported = new CompletableFuture<>();
    /** The database's fingerprint, being taken on another thread while the key is computed; null without records. */
    private final SideThread<Taken> fingerprintQuery;

    /** What a clean check reported, and the database's fingerprint taken before it read anything. */
    public record Record(String fingerprint, List<String> heads, List<String> entityPackages, List<String> hints) {
    }

    /** The fingerprint (null when it could not be taken) and the transaction it was taken in, open until released. */
    private record Taken(String fingerprint, Connection connection, CatalogSnapshot snapshot) {
    }

    private InSyncShortcut(Project project, CacheEntries records) {
        this.project = project;
        this.records = records;
        // the query waits on the database while this thread hashes the inputs; nothing reads the database before it
        this.fingerprintQuery = records.enabled()
                ? SideThread.start("autogen-fingerprint", this::takeFingerprint, InSyncShortcut::endTransaction) : null;
        if (!records.enabled()) {
            exported.complete(null);
        }
        this.key = records.enabled() ? key(project) : null;
        this.stored = key != null && records.contains(key);
    }

    /** The shortcut of {@code project}'s check, with the records where the environment keeps caches. */
    public static InSyncShortcut of(Project project) {
        return at(project, CompiledClassCache.fromEnvironment().root().map(root -> root.resolve(DIRECTORY))
                .orElse(null));
    }

    /** The shortcut with its records in {@code directory} (null: none, every look-up misses). */
    static InSyncShortcut at(Project project, Path directory) {
        return new InSyncShortcut(project, new CacheEntries(directory, KEPT_RECORDS));
    }

    /**
     * Whether a record is stored for these inputs at all (not read; it may still not match the database): without one
     * {@link #lookUp()} cannot hit, so the check may start reading the entities before it.
     */
    public boolean mayHit() {
        return stored;
    }

    /**
     * The remembered outcome when a clean check of exactly these inputs recorded the database as it is now, else
     * empty. Returns once the state the fingerprint describes is fixed (taken, or its snapshot exported), so the check
     * may read the database after it. Never throws: an unreachable database, for one, is left for the full check to
     * report.
     */
    public Optional<Record> lookUp() {
        if (!stored) {
            awaitFingerprintedState();
            return Optional.empty();
        }
        String fingerprint = fingerprint();
        Optional<Record> record = records.read(key).flatMap(InSyncShortcut::decode);
        return record.filter(r -> fingerprint != null && r.fingerprint().equals(fingerprint));
    }

    /**
     * Runs {@code command} (the full check) while the default schema's catalog is read on another thread, in the
     * fingerprint's snapshot when it can be imported, else after the fingerprint; see the class comment.
     */
    public <T> T alongsideCatalogRead(Supplier<T> command) {
        if (fingerprintQuery == null) {
            return project.alongsideCatalogRead(command);
        }
        return project.alongsideCatalogRead(this::readCatalog, fingerprintQuery::await, command);
    }

    private Schema readCatalog() {
        CatalogSnapshot snapshot = exported.join();
        if (snapshot != null) {
            try {
                Optional<Schema> read = project.readDefaultCatalogIn(snapshot);
                if (read.isPresent()) {
                    return read.get();
                }
            } finally {
                snapshot.release();
            }
        }
        // not in the snapshot: after the fingerprint, and after its connection is closed (a server may allow only so many)
        fingerprintQuery.await();
        return project.readDefaultCatalog();
    }

    /** Waits until nothing read later can be older than the fingerprint: its snapshot exported, or it taken. */
    private void awaitFingerprintedState() {
        if (exported.join() == null) {
            fingerprint();
        }
    }

    private String fingerprint() {
        return fingerprintQuery == null ? null : fingerprintQuery.result().fingerprint();
    }

    /** Ends the fingerprint's transaction, whatever still holds its snapshot, and waits for its thread. */
    @Override
    public void close() {
        exported.thenAccept(snapshot -> {
            if (snapshot != null) {
                snapshot.release();
            }
        });
        if (fingerprintQuery != null) {
            fingerprintQuery.await();
        }
    }

    /**
     * Remembers {@code report}, when it is clean, against the fingerprint {@link #lookUp()} took before the check
     * read the database: a change made while the check ran makes the next look-up miss, never hit a stale record.
     */
    public void remember(DriftCheck.Report report, List<String> entityPackages) {
        if (key == null || !report.inSync() || !report.plan().isEmpty()) {
            return;
        }
        String fingerprint = fingerprint();
        if (fingerprint == null) {
            return;
        }
        try {
            records.write(key, RecordCodec.encode(new Record(fingerprint, report.heads(), entityPackages,
                    report.hints())));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // the next check simply runs in full
        }
    }

    /**
     * Takes the fingerprint on a connection of its own; on PostgreSQL first exports the snapshot it is taken in,
     * leaving the connection in that transaction for {@link #endTransaction}. Never throws.
     */
    private Taken takeFingerprint() {
        Connection connection = null;
        CatalogSnapshot snapshot = null;
        try {
            connection = project.connections().open();
            if (project.dialect() == Dialect.POSTGRESQL) {
                snapshot = exportSnapshot(connection);
            }
            exported.complete(snapshot);
            return new Taken(CatalogFingerprint.of(connection, project.dialect()), connection, snapshot);
        } catch (Exception e) {
            return new Taken(null, connection, snapshot);
        } finally {
            exported.complete(snapshot); // a no-op when done above
        }
    }

    /** The snapshot of a new transaction on {@code connection}, or null (the connection is as it was then). */
    private static CatalogSnapshot exportSnapshot(Connection connection) {
        try {
            return CatalogSnapshot.export(connection);
        } catch (SQLException e) {
            try {
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the fingerprint query will say whether the connection is still usable
            }
            return null;
        }
    }

    /** After the fingerprint is published: holds its transaction until the snapshot is released, then closes it. */
    private static void endTransaction(Taken taken) {
        if (taken.snapshot() != null) {
            taken.snapshot().awaitRelease();
        }
        if (taken.connection() != null) {
            try {
                taken.connection().close();
            } catch (SQLException ignored) {
                // a read-only transaction: nothing is lost
            }
        }
    }

    private static Optional<Record> decode(byte[] body) {
        try {
            return Optional.of(RecordCodec.decode(body, Record.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The key of a check with these settings, or null when the inputs cannot be read (no shortcut then). */
    private static String key(Project project) {
        try {
            Settings settings = project.settings();
            String entityModel = project.entityModelKey();
            if (entityModel == null) {
                return null;
            }
            MessageDigest digest = CacheDigest.sha256();
            CacheDigest.text(digest, FORMAT);
            CacheDigest.text(digest, entityModel);
            CacheDigest.text(digest, "url " + settings.url());
            CacheDigest.text(digest, "user " + settings.user());
            CacheDigest.text(digest, "schema " + settings.schema());
            CacheDigest.text(digest, "migrations " + settings.migrationsPackage() + " " + settings.onlyMigrationsPackage());
            CacheDigest.identity(digest, settings.migrationSources(), true);
            CacheDigest.text(digest, "accepted tenant tables " + String.join(",", settings.acceptedTenantTables()));
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
