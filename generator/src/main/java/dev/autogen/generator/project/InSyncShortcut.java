package dev.autogen.generator.project;

import dev.autogen.generator.catalog.CatalogFingerprint;
import dev.autogen.generator.config.Settings;
import dev.autogen.generator.jpa.RecordCodec;
import dev.autogen.migrate.discovery.CacheDigest;
import dev.autogen.migrate.discovery.CacheEntries;
import dev.autogen.migrate.discovery.CompiledClassCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

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
 * <p>Records live in {@code in-sync/} beside the entity models (so {@code AUTOGEN_CACHE_DIR=off} disables them and
 * deleting the cache directory clears them); the 32 most recently used are kept. A record names no secret: the
 * password is not part of the key, and the URL is only part of its digest.
 */
public final class InSyncShortcut {
    private static final String DIRECTORY = "in-sync";
    private static final int KEPT_RECORDS = 32;
    /** Bumped when the key's inputs or the record's layout change. */
    private static final String FORMAT = "autogen-in-sync-3";

    private final Project project;
    private final CacheEntries records;
    private final String key;
    /** The database's fingerprint, being taken on another thread while the key is computed; null without records. */
    private final SideThread<String> fingerprintQuery;
    private String fingerprint;

    /** What a clean check reported, and the database's fingerprint taken before it read anything. */
    public record Record(String fingerprint, List<String> heads, List<String> entityPackages, List<String> hints) {
    }

    private InSyncShortcut(Project project, CacheEntries records) {
        this.project = project;
        this.records = records;
        // the query waits on the database while this thread hashes the inputs; nothing reads the database before it
        this.fingerprintQuery = records.enabled()
                ? SideThread.start("autogen-fingerprint", () -> currentFingerprint(project)) : null;
        this.key = records.enabled() ? key(project) : null;
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
        return key != null && records.contains(key);
    }

    /**
     * The remembered outcome when a clean check of exactly these inputs recorded the database as it is now, else
     * empty. Never throws: an unreachable database, for one, is left for the full check to report.
     */
    public Optional<Record> lookUp() {
        fingerprint = fingerprintQuery == null ? null : fingerprintQuery.result();
        if (fingerprintQuery != null) {
            fingerprintQuery.await();
        }
        if (key == null) {
            return Optional.empty();
        }
        Optional<Record> stored = records.read(key).flatMap(InSyncShortcut::decode);
        return stored.filter(record -> fingerprint != null && record.fingerprint().equals(fingerprint));
    }

    /**
     * Remembers {@code report}, when it is clean, against the fingerprint {@link #lookUp()} took before the check
     * read the database: a change made while the check ran makes the next look-up miss, never hit a stale record.
     */
    public void remember(DriftCheck.Report report, List<String> entityPackages) {
        if (key == null || fingerprint == null || !report.inSync() || !report.plan().isEmpty()) {
            return;
        }
        try {
            records.write(key, RecordCodec.encode(new Record(fingerprint, report.heads(), entityPackages,
                    report.hints())));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // the next check simply runs in full
        }
    }

    private static String currentFingerprint(Project project) {
        try (Connection connection = project.connections().open()) {
            return CatalogFingerprint.of(connection, project.dialect());
        } catch (Exception e) {
            return null;
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
