package dev.autogen.generator.jpa;

import dev.autogen.generator.diff.DerivedKeyOrder;
import dev.autogen.generator.diff.RenameHints;
import dev.autogen.migrate.discovery.CacheDigest;
import dev.autogen.migrate.discovery.CompiledClassCache;
import dev.autogen.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

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
    private static final long LEFTOVER_AGE_MILLIS = 3_600_000;
    private static final int DIGEST_LENGTH = 32;

    private final Path directory;

    private EntityModelCache(Path directory) {
        this.directory = directory;
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
        return directory != null;
    }

    /**
     * What one entry holds: everything a command reads from the model besides {@code diff}'s explanations: the schema,
     * the declared renames and the tables whose key order is Hibernate's choice.
     */
    public record Entry(Schema schema, RenameHints renameHints, DerivedKeyOrder derivedKeyOrder) {
    }

    /** The entry stored under {@code key}, or empty when there is none or it cannot be trusted. */
    public Optional<Entry> read(String key) {
        if (directory == null) {
            return Optional.empty();
        }
        Path file = directory.resolve(key);
        try {
            byte[] stored = Files.readAllBytes(file);
            if (stored.length < DIGEST_LENGTH) {
                return Optional.empty();
            }
            byte[] body = Arrays.copyOfRange(stored, DIGEST_LENGTH, stored.length);
            if (!Arrays.equals(sha256(body), Arrays.copyOf(stored, DIGEST_LENGTH))) {
                return Optional.empty();
            }
            Entry entry = RecordCodec.decode(body, Entry.class);
            touch(file);
            return Optional.of(entry);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Stores {@code entry} under {@code key}. Failing to write (a read-only home, a full disk, a value the codec
     * cannot store) only costs the next run a Hibernate boot, so it is silent.
     */
    public void write(String key, Entry entry) {
        if (directory == null) {
            return;
        }
        Path temporary = directory.resolve(key + ".tmp-" + UUID.randomUUID());
        try {
            byte[] body = RecordCodec.encode(entry);
            Files.createDirectories(directory);
            Files.write(temporary, ByteBuffer.allocate(DIGEST_LENGTH + body.length)
                    .put(sha256(body)).put(body).array());
            try {
                Files.move(temporary, directory.resolve(key), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                return;
            }
            prune();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            // not worth failing a command for
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // a leftover temporary file is removed by a later prune
            }
        }
    }

    /** Keeps the most recently used entries (a hit touches its file) and removes what crashed writers left. */
    private void prune() {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> all = files.toList();
            long now = System.currentTimeMillis();
            for (Path path : all) {
                if (path.getFileName().toString().contains(".tmp-") && now - modified(path) > LEFTOVER_AGE_MILLIS) {
                    Files.deleteIfExists(path);
                }
            }
            List<Path> entries = all.stream().filter(p -> !p.getFileName().toString().contains("."))
                    .sorted(Comparator.comparingLong(EntityModelCache::modified).reversed()
                            .thenComparing(Comparator.naturalOrder()))
                    .toList();
            for (Path stale : entries.subList(Math.min(KEPT_ENTRIES, entries.size()), entries.size())) {
                Files.deleteIfExists(stale);
            }
        } catch (IOException | UncheckedIOException e) {
            // pruning is best effort
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // only affects pruning order
        }
    }

    private static byte[] sha256(byte[] bytes) {
        return CacheDigest.sha256().digest(bytes);
    }
}
