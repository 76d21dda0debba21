package dev.autogen.migrate.discovery;

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
 * The files of one on-disk cache of small answers (the entity models, the in-sync records of {@code check}): each entry
 * is one file named by its key, holding a SHA-256 of its body and the body. It is written to a temporary file and
 * renamed into place, so a reader sees all of an entry or none; a truncated, damaged or missing file reads as no
 * entry, never as an error, and failing to write is silent (it only costs the next run the slow path). The most
 * recently used entries are kept (a read touches its file), the rest removed after each write.
 */
public final class CacheEntries {
    private static final long LEFTOVER_AGE_MILLIS = 3_600_000;
    private static final int DIGEST_LENGTH = 32;

    private final Path directory;
    private final int kept;

    /** The entries in {@code directory} (null: none, every read misses), keeping the {@code kept} newest. */
    public CacheEntries(Path directory, int kept) {
        this.directory = directory;
        this.kept = kept;
    }

    public boolean enabled() {
        return directory != null;
    }

    /**
     * Whether a file is stored under {@code key}, without reading it (it may still turn out damaged): enough to decide
     * whether to start the slow path early.
     */
    public boolean contains(String key) {
        return directory != null && Files.isRegularFile(directory.resolve(key));
    }

    /** The body stored under {@code key}, or empty when there is none or it is damaged. */
    public Optional<byte[]> read(String key) {
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
            touch(file);
            return Optional.of(body);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stores {@code body} under {@code key}, replacing what was there; silent when it cannot. */
    public void write(String key, byte[] body) {
        if (directory == null) {
            return;
        }
        Path temporary = directory.resolve(key + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(directory);
            Files.write(temporary, ByteBuffer.allocate(DIGEST_LENGTH + body.length).put(sha256(body)).put(body).array());
            try {
                Files.move(temporary, directory.resolve(key), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                return;
            }
            prune();
        } catch (IOException | UncheckedIOException e) {
            // not worth failing a command for
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // a leftover temporary file is removed by a later prune
            }
        }
    }

    /** Keeps the most recently used entries and removes what crashed writers left. */
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
                    .sorted(Comparator.comparingLong(CacheEntries::modified).reversed()
                            .thenComparing(Comparator.naturalOrder()))
                    .toList();
            for (Path stale : entries.subList(Math.min(kept, entries.size()), entries.size())) {
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
