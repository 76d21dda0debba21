package dev.autogen.migrate.discovery;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The SHA-256 of the files the caches' keys are made of (the entity class files, the migration sources), read from
 * the file only when it may have changed. A no-op {@code check} hashed 3 MB of migration sources twice and 1 000 class
 * files once on every run; now each tree's digests are kept in an index ({@code file-digests/} in the cache
 * directory) beside what the file system said of each file when it was hashed, and within one run each file is hashed
 * at most once (unless its times are too recent to trust, as below).
 *
 * <p>The rule, after Git's index: a stored digest is used when the file's size, modification time, change time
 * ({@code ctime}) and inode number are all what they were when it was hashed, and it was stored only when the file's
 * modification and change times were more than {@link #RACY_MILLIS} older than the moment its hashing began. So:
 * <ul>
 *   <li>a touched but identical file is hashed again (its times changed) and gives the same digest: the cache hits;</li>
 *   <li>a file changed with the same size and its modification time put back ({@code touch -r}, {@code cp -p}, an
 *       archive) still misses: the kernel sets its change time to now on every write, rename or {@code touch}, and
 *       nothing but the clock can set it back;</li>
 *   <li>a file written twice within one tick of the file system's clock (same size, same times) is "racily clean":
 *       its digest is not stored while its times are that recent, so the next run hashes it again.</li>
 * </ul>
 * The risk left: a file system whose clock runs more than {@link #RACY_MILLIS} behind this machine's (a network file
 * system) could store a racily clean file's stats; and where no {@code unix} attributes exist (Windows) nothing is
 * stored and every file is hashed. A damaged or foreign index is ignored, never an error.
 */
public final class FileDigests {
    /** How recent a file's times may be for its digest not to be stored (see the class comment). */
    static final long RACY_MILLIS = 2_000;
    private static final String DIRECTORY = "file-digests";
    private static final String FORMAT = "autogen-file-digests-1";
    private static final String STATS = "unix:size,lastModifiedTime,ctime,ino";

    /** At most this many digests are remembered in one process (a long-lived JVM reads many trees). */
    private static final int MAX_REMEMBERED = 100_000;

    /** Digests taken in this process, by absolute path, with the stats they were taken under. */
    private static final Map<Path, Known> THIS_RUN = new ConcurrentHashMap<>();

    private final Path indexes;
    private final LongSupplier clock;

    /** What the file system said of a file: any change of any of these may be a change of its bytes. */
    record Stats(long size, long modifiedNanos, long changedNanos, long inode) {
        boolean racyAt(long millis) {
            return Math.max(modifiedNanos, changedNanos) / 1_000_000 >= millis - RACY_MILLIS;
        }
    }

    /** A file's digest and the stats of the file it was taken from. */
    record Known(Stats stats, byte[] sha256) {
    }

    FileDigests(Path indexes, LongSupplier clock) {
        this.indexes = indexes;
        this.clock = clock;
    }

    /** Forgets the digests taken in this process, as a new run would start (tests). */
    static void forgetThisRun() {
        THIS_RUN.clear();
    }

    /** Digests indexed under {@code cacheRoot} (null: no index, files are hashed in each run). */
    public static FileDigests in(Path cacheRoot) {
        return new FileDigests(cacheRoot == null ? null : cacheRoot.resolve(DIRECTORY), System::currentTimeMillis);
    }

    /** Digests indexed where the environment keeps autogen's caches ({@link CompiledClassCache#fromEnvironment()}). */
    public static FileDigests fromEnvironment() {
        return in(CompiledClassCache.fromEnvironment().root().orElse(null));
    }

    /**
     * The SHA-256 of each of {@code files}, in order; {@code tree} is the directory they are in (or under), whose index
     * holds them.
     */
    public List<byte[]> of(Path tree, List<Path> files) throws IOException {
        Path root = tree.toAbsolutePath().normalize();
        String under = root + File.separator;
        Map<String, Known> index = read(root);
        boolean changed = false;
        List<byte[]> digests = new ArrayList<>(files.size());
        for (Path file : files) {
            // the files of a walk of the root are absolute, normalised and under it already: their name is the rest
            String text = file.toString();
            boolean walked = file.isAbsolute() && text.startsWith(under) && !text.contains(File.separator + ".");
            Path absolute = walked ? file : file.toAbsolutePath().normalize();
            String name = walked ? text.substring(under.length()) : root.relativize(absolute).toString();
            Stats stats = stats(absolute);
            Known known = stats == null ? null : THIS_RUN.get(absolute);
            if (known == null || !known.stats().equals(stats)) {
                known = stats == null ? null : index.get(name);
            }
            if (known == null || !known.stats().equals(stats)) {
                long started = clock.getAsLong();
                known = new Known(stats, hash(absolute));
                if (stats != null && !stats.racyAt(started)) {
                    // the same rule within a run: a long-lived JVM (the Maven plugin) may see a file written again
                    if (THIS_RUN.size() >= MAX_REMEMBERED) {
                        THIS_RUN.clear();
                    }
                    THIS_RUN.put(absolute, known);
                    if (!name.contains("\n")) {
                        index.put(name, known);
                        changed = true;
                    }
                }
            }
            digests.add(known.sha256());
        }
        if (changed) {
            index.keySet().removeIf(name -> !Files.exists(root.resolve(name)));
            write(root, index);
        }
        return digests;
    }

    private static byte[] hash(Path file) throws IOException {
        MessageDigest digest = CacheDigest.sha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    /** The file's stats, or null where the file system has no {@code unix} attributes. */
    static Stats stats(Path file) throws IOException {
        Map<String, Object> attributes;
        try {
            attributes = Files.readAttributes(file, STATS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
        return new Stats((Long) attributes.get("size"), nanos(attributes.get("lastModifiedTime")),
                nanos(attributes.get("ctime")), ((Number) attributes.get("ino")).longValue());
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }

    private Path indexOf(Path root) {
        return indexes.resolve(HexFormat.of().formatHex(CacheDigest.sha256()
                .digest(root.toString().getBytes(StandardCharsets.UTF_8)), 0, 16));
    }

    /** The stored digests of the tree at {@code root}; empty when there is no index or it cannot be read. */
    private Map<String, Known> read(Path root) {
        Map<String, Known> index = new HashMap<>();
        if (indexes == null) {
            return index;
        }
        try {
            List<String> lines = Files.readAllLines(indexOf(root), StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(FORMAT + " " + root)) {
                return index;
            }
            HexFormat hex = HexFormat.of();
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(" ", 6);
                index.put(fields[5], new Known(new Stats(Long.parseLong(fields[0]), Long.parseLong(fields[1]),
                        Long.parseLong(fields[2]), Long.parseLong(fields[3])), hex.parseHex(fields[4])));
            }
            return index;
        } catch (IOException | RuntimeException e) {
            return new HashMap<>();
        }
    }

    /** Writes the index beside its final name and renames it into place; failing only costs the next run a hash. */
    private void write(Path root, Map<String, Known> index) {
        if (indexes == null) {
            return;
        }
        Path target = indexOf(root);
        Path temporary = indexes.resolve(target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(indexes);
            StringBuilder text = new StringBuilder(FORMAT).append(' ').append(root).append('\n');
            HexFormat hex = HexFormat.of();
            index.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
                Stats stats = entry.getValue().stats();
                text.append(stats.size()).append(' ').append(stats.modifiedNanos()).append(' ')
                        .append(stats.changedNanos()).append(' ').append(stats.inode()).append(' ')
                        .append(hex.formatHex(entry.getValue().sha256())).append(' ').append(entry.getKey())
                        .append('\n');
            });
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // a read-only cache directory, or another process renamed first: the next run hashes again
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // left for nobody: a few bytes
            }
        }
    }
}
