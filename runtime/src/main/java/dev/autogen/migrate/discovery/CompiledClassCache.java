package dev.autogen.migrate.discovery;

import dev.autogen.migrate.Migration;
import dev.autogen.migrate.history.MigrationChecksum;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compiled migration classes kept on disk between runs, so {@code autogen check} and {@code upgrade} do not run javac
 * over unchanged sources every time (the largest phase of both). An entry is a directory named by a SHA-256 over the
 * sources (relative path and content's SHA-256, kept by {@link FileDigests} so an unchanged source is not read
 * again), the runtime's identity (its jar or class directory: paths, sizes, modification
 * times), the compile class path and the Java feature version; any change gives a new key, so an entry is never
 * stale. The cache lives outside the sources ({@code $XDG_CACHE_HOME/autogen} or {@code ~/.cache/autogen}, overridden
 * by the system property {@code autogen.cache.dir} or the environment variable {@code AUTOGEN_CACHE_DIR}; the value
 * {@code off} disables it). Entries are written to a temporary directory and renamed into place, and every class
 * file's SHA-256 is checked on reading, so a racing or crashed writer never makes a reader load half a cache: an
 * unreadable entry is simply compiled again. Each migration class's {@link MigrationChecksum} is kept beside its bytes
 * (it is a function of the class and the runtime, both in the key), so {@code check} validates the applied revisions
 * without running every migration's {@code upgrade} and {@code downgrade} again. An entry may also hold notes: small
 * text values a caller derived from the migrations alone (the other schemas their operations name, say), written
 * beside the classes when first computed and read by later runs instead of replaying the operations; a note carries
 * the SHA-256 of its text, and a missing, damaged or unreadable one is simply computed again.
 */
public final class CompiledClassCache {
    /** Bumped when the entry layout or the compiler options change. */
    private static final String FORMAT = "autogen-class-cache-3 --release 21 -proc:none";
    private static final String MANIFEST = "manifest.tsv";
    private static final String NOTE_SUFFIX = ".note";
    /** A note's name: a file name inside the entry that can be neither a class directory nor the manifest. */
    private static final Pattern NOTE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final int KEPT_ENTRIES = 32;
    private static final long LEFTOVER_AGE_MILLIS = 3_600_000;

    /** A {@link MigrationChecksum} as the manifest may hold it: anything else makes the entry unreadable. */
    private static final Pattern CHECKSUM = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    /** What one entry holds: the classes, and the checksum of each migration class among them, by class name. */
    record Entry(JavaSourceCompiler.CompiledClasses classes, Map<String, String> checksums) {
    }

    private CompiledClassCache(Path root) {
        this.root = root;
    }

    /** A cache under {@code root} (created when first written). */
    public static CompiledClassCache at(Path root) {
        return new CompiledClassCache(root);
    }

    /** No cache: every load compiles. */
    public static CompiledClassCache disabled() {
        return new CompiledClassCache(null);
    }

    /** The cache the environment asks for: {@code autogen.cache.dir}, else {@code AUTOGEN_CACHE_DIR}, else the default. */
    public static CompiledClassCache fromEnvironment() {
        String setting = System.getProperty("autogen.cache.dir");
        return forSetting(setting != null ? setting : System.getenv("AUTOGEN_CACHE_DIR"));
    }

    /** {@code off} disables, a blank or null setting means the default location, anything else is the directory. */
    static CompiledClassCache forSetting(String setting) {
        if (setting != null && setting.strip().equalsIgnoreCase("off")) {
            return disabled();
        }
        if (setting != null && !setting.isBlank()) {
            return at(Path.of(setting.strip()));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return at(base.resolve("autogen"));
    }

    public boolean enabled() {
        return root != null;
    }

    /** Where entries go, or empty when disabled. */
    public Optional<Path> root() {
        return Optional.ofNullable(root);
    }

    /**
     * The key of a set of sources compiled against a class path.
     *
     * @param directory the source root the relative paths are taken from
     * @param sources   the {@code .java} files, under {@code directory}
     */
    String key(Path directory, List<Path> sources, List<Path> extraClassPath) throws IOException {
        MessageDigest digest = CacheDigest.sha256();
        CacheDigest.text(digest, FORMAT);
        CacheDigest.text(digest, "java " + Runtime.version().feature());
        Path runtime = JavaSourceCompiler.codeSource(Migration.class);
        CacheDigest.text(digest, "runtime");
        CacheDigest.identity(digest, runtime, false);
        CacheDigest.text(digest, "classpath");
        for (Path entry : extraClassPath) {
            CacheDigest.identity(digest, entry, false);
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                CacheDigest.identity(digest, Path.of(entry), false);
            }
        }
        CacheDigest.text(digest, "sources");
        Map<String, Path> byName = new TreeMap<>();
        for (Path source : sources) {
            byName.put(relative(directory, source), source);
        }
        List<byte[]> digests = FileDigests.in(root).of(directory, List.copyOf(byName.values()));
        int i = 0;
        for (String name : byName.keySet()) {
            CacheDigest.text(digest, name);
            digest.update(digests.get(i++));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The classes stored under {@code key}, their sources resolved against {@code directory}; empty when there is no
     * entry or it is incomplete or damaged (the caller compiles instead).
     */
    Optional<Entry> read(String key, Path directory, ClassLoader parent) {
        if (root == null) {
            return Optional.empty();
        }
        Path entry = root.resolve(key);
        Path manifest = entry.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try {
            Map<String, byte[]> classes = new TreeMap<>();
            Map<String, String> sources = new TreeMap<>();
            Map<String, String> checksums = new TreeMap<>();
            Path base = directory.toAbsolutePath();
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t", 4);
                if (fields.length != 4 || !(fields[2].isEmpty() || CHECKSUM.matcher(fields[2]).matches())) {
                    return Optional.empty();
                }
                byte[] bytes = Files.readAllBytes(entry.resolve(fields[1].replace('.', '/') + ".class"));
                if (!HexFormat.of().formatHex(CacheDigest.sha256().digest(bytes)).equals(fields[0])) {
                    return Optional.empty();
                }
                classes.put(fields[1], bytes);
                if (!fields[2].isEmpty()) {
                    checksums.put(fields[1], fields[2]);
                }
                if (!fields[3].isEmpty()) {
                    sources.put(fields[1], base.resolve(fields[3]).toString());
                }
            }
            if (classes.isEmpty()) {
                return Optional.empty();
            }
            touch(entry);
            return Optional.of(new Entry(new JavaSourceCompiler.CompiledClasses(classes, sources, parent), checksums));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Stores compiled classes under {@code key}: written to a temporary directory first and renamed into place, so
     * readers see all of an entry or none. Failing to write only costs the next run a compilation, so it is silent.
     */
    void write(String key, Path directory, JavaSourceCompiler.CompiledClasses compiled, Map<String, String> checksums) {
        if (root == null) {
            return;
        }
        Path temporary = root.resolve(key + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(root);
            Path base = directory.toAbsolutePath();
            StringBuilder manifest = new StringBuilder();
            for (String name : compiled.classNames()) {
                String source = compiled.sourceOf(name);
                String relative = source == null ? "" : relative(base, Path.of(source));
                if (relative.contains("\t") || relative.contains("\n") || relative.contains("\r")) {
                    return;
                }
                byte[] bytes = compiled.bytesOf(name);
                String checksum = checksums.getOrDefault(name, "");
                if (!checksum.isEmpty() && !CHECKSUM.matcher(checksum).matches()) {
                    return;
                }
                manifest.append(HexFormat.of().formatHex(CacheDigest.sha256().digest(bytes))).append('\t').append(name)
                        .append('\t').append(checksum).append('\t').append(relative).append('\n');
            }
            compiled.writeTo(temporary);
            Files.writeString(temporary.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
            Path entry = root.resolve(key);
            if (Files.exists(entry)) {
                discard(entry);
            }
            try {
                Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                return;
            }
            prune();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            // another process won the race, or the cache directory is not writable: compile next time
        } finally {
            deleteTree(temporary);
        }
    }

    /**
     * The note {@code name} of the entry {@code key}; empty when the entry or the note is missing, or the note does not
     * match the digest it was written with.
     */
    Optional<String> readNote(String key, String name) {
        if (root == null || !NOTE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        try {
            Path note = root.resolve(key).resolve(name + NOTE_SUFFIX);
            if (!Files.isRegularFile(note)) {
                return Optional.empty();
            }
            String stored = Files.readString(note, StandardCharsets.UTF_8);
            int newline = stored.indexOf('\n');
            if (newline < 0) {
                return Optional.empty();
            }
            String text = stored.substring(newline + 1);
            return stored.substring(0, newline).equals(noteDigest(name, text)) ? Optional.of(text) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Keeps {@code text} as the note {@code name} of the existing entry {@code key} (written to a temporary file and
     * renamed into place, so a reader sees all of it or none). Silent when there is no such entry or it cannot be
     * written: the next run computes the value again.
     */
    void writeNote(String key, String name, String text) {
        if (root == null || !NOTE_NAME.matcher(name).matches()) {
            return;
        }
        Path entry = root.resolve(key);
        Path temporary = entry.resolve(name + NOTE_SUFFIX + ".tmp-" + UUID.randomUUID());
        try {
            if (!Files.isRegularFile(entry.resolve(MANIFEST))) {
                return;
            }
            Files.writeString(temporary, noteDigest(name, text) + "\n" + text, StandardCharsets.UTF_8);
            Files.move(temporary, entry.resolve(name + NOTE_SUFFIX), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // a note is only a saving: the next run computes it again
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException | RuntimeException e) {
                // a leftover temporary file is harmless
            }
        }
    }

    private static String noteDigest(String name, String text) {
        MessageDigest digest = CacheDigest.sha256();
        CacheDigest.text(digest, "note " + name);
        CacheDigest.text(digest, text);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Moves a damaged entry out of the way (renaming is atomic, so a reader sees it or nothing), then deletes it. */
    private void discard(Path entry) throws IOException {
        Path doomed = root.resolve(entry.getFileName() + ".old-" + UUID.randomUUID());
        Files.move(entry, doomed, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(doomed);
    }

    /**
     * Keeps the most recently used entries (a hit touches its entry), so the cache does not grow without end, and
     * removes what crashed writers left behind (temporary directories older than an hour).
     */
    private void prune() {
        try (Stream<Path> entries = Files.list(root)) {
            List<Path> all = entries.toList();
            long now = System.currentTimeMillis();
            for (Path path : all) {
                String name = path.getFileName().toString();
                if ((name.contains(".tmp-") || name.contains(".old-"))
                        && now - lastModified(path).toMillis() > LEFTOVER_AGE_MILLIS) {
                    deleteTree(path);
                }
            }
            List<Path> complete = all.stream()
                    .filter(p -> !p.getFileName().toString().contains(".") && Files.isRegularFile(p.resolve(MANIFEST)))
                    .sorted(Comparator.comparing(CompiledClassCache::lastModified).reversed()
                            .thenComparing(Comparator.naturalOrder()))
                    .toList();
            for (Path stale : complete.subList(Math.min(KEPT_ENTRIES, complete.size()), complete.size())) {
                discard(stale);
            }
        } catch (IOException | UncheckedIOException e) {
            // pruning is best effort
        }
    }

    private static FileTime lastModified(Path entry) {
        try {
            return Files.getLastModifiedTime(entry);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // only affects pruning order
        }
    }

    private static void deleteTree(Path tree) {
        if (!Files.exists(tree)) {
            return;
        }
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary directory is harmless
        }
    }

    private static String relative(Path directory, Path file) {
        Path base = directory.toAbsolutePath();
        Path absolute = file.toAbsolutePath();
        if (!absolute.startsWith(base)) {
            throw new IllegalArgumentException(file + " is not under " + directory);
        }
        return base.relativize(absolute).toString().replace(File.separatorChar, '/');
    }

}
