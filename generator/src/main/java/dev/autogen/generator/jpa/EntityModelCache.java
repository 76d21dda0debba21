package dev.autogen.generator.jpa;

import dev.autogen.generator.diff.DerivedKeyOrder;
import dev.autogen.generator.diff.RenameHints;
import dev.autogen.migrate.discovery.CacheEntries;
import dev.autogen.migrate.discovery.CompiledClassCache;
import dev.autogen.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the Hibernate model reader produced from a set of entity classes, kept on disk between runs, so that a command
 * whose entities did not change skips Hibernate's boot (most of a no-op {@code check}'s time: seconds at a thousand
 * entities). This is EF Core's model snapshot without giving up Hibernate as the source of truth: Hibernate still
 * reads every entity whenever any input changed, and the cache only remembers its answer.
 *
 * <p>An entry is one file named by its {@link EntityModelKey} in {@code entity-models/} under the directory that also
 * holds compiled migrations ({@link CompiledClassCache#fromEnvironment()}: {@code autogen.cache.dir}, else
 * {@code AUTOGEN_CACHE_DIR}, else {@code $XDG_CACHE_HOME/autogen} or {@code ~/.cache/autogen}; {@code off} disables
 * both). The file holds a SHA-256 of its body and the body (the schema and the rename hints, see {@link RecordCodec});
 * it is written to a temporary file and renamed into place, so a reader sees all of an entry or none, and a
 * truncated, damaged or foreign file is a miss, never an error.
 */
public final class EntityModelCache {
    private static final String DIRECTORY = "entity-models";
    private static final int KEPT_ENTRIES = 16;

    private final CacheEntries entries;

    private EntityModelCache(Path directory) {
        this.entries = new CacheEntries(directory, KEPT_ENTRIES);
    }

    /** The cache the environment asks for (see the class comment). */
    public static EntityModelCache fromEnvironment() {
        return new EntityModelCache(CompiledClassCache.fromEnvironment().root()
                .map(root -> root.resolve(DIRECTORY)).orElse(null));
    }

    /** A cache whose entries live in {@code directory}. */
    public static EntityModelCache at(Path directory) {
        return new EntityModelCache(directory);
    }

    /** No cache: every model is read by Hibernate. */
    public static EntityModelCache disabled() {
        return new EntityModelCache(null);
    }

    public boolean enabled() {
        return entries.enabled();
    }

    /**
     * What one entry holds: everything a command reads from the model besides {@code diff}'s explanations: the schema,
     * the declared renames and the tables whose key order is Hibernate's choice.
     */
    public record Entry(Schema schema, RenameHints renameHints, DerivedKeyOrder derivedKeyOrder) {
    }

    /** The entry stored under {@code key}, or empty when there is none or it cannot be trusted. */
    public Optional<Entry> read(String key) {
        try {
            Optional<byte[]> body = entries.read(key);
            return body.isEmpty() ? Optional.empty() : Optional.of(RecordCodec.decode(body.get(), Entry.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Stores {@code entry} under {@code key}. Failing to write (a read-only home, a full disk, a value the codec
     * cannot store) only costs the next run a Hibernate boot, so it is silent.
     */
    public void write(String key, Entry entry) {
        if (!entries.enabled()) {
            return;
        }
        try {
            entries.write(key, RecordCodec.encode(entry));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // not worth failing a command for
        }
    }
}
