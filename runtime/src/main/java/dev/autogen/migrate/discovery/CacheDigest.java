package dev.autogen.migrate.discovery;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The pieces every on-disk cache of autogen keys its entries with (the compiled migrations here, the entity models in
 * the generator): a SHA-256, text fed to it unambiguously, and the identity of a jar or class directory. One place, so
 * that two caches never disagree about what "the same class path" means.
 */
public final class CacheDigest {
    /** A class path directory with more files than this (say {@code .} at a file system root) is not worth a key. */
    private static final int MAX_DIRECTORY_FILES = 20_000;

    private CacheDigest() {
    }

    /** A new SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** Feeds {@code value} and a terminator, so that ("ab", "c") and ("a", "bc") give different digests. */
    public static void text(MessageDigest digest, String value) {
        digest.update(value.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    /**
     * Feeds a class path entry's identity: its path, and for a jar its size and modification time; for a directory
     * every file's relative path and either its content's SHA-256 ({@code contents}, through {@link FileDigests}, so
     * an unchanged file is not read again) or its size and modification time.
     *
     * @throws IOException when the entry cannot be read, or a directory holds too many files to key by
     */
    public static void identity(MessageDigest digest, Path entry, boolean contents) throws IOException {
        if (entry == null) {
            text(digest, "<unknown>");
            return;
        }
        Path absolute = entry.toAbsolutePath().normalize();
        text(digest, absolute.toString());
        if (Files.isDirectory(absolute)) {
            List<Path> sorted = regularFiles(absolute);
            List<byte[]> digests = contents ? FileDigests.fromEnvironment().of(absolute, sorted) : null;
            int prefix = absolute.toString().length() + 1;
            for (int i = 0; i < sorted.size(); i++) {
                Path file = sorted.get(i);
                text(digest, file.toString().substring(prefix).replace(File.separatorChar, '/'));
                if (contents) {
                    digest.update(digests.get(i));
                } else {
                    text(digest, Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis());
                }
            }
        } else if (Files.isRegularFile(absolute)) {
            text(digest, Files.size(absolute) + " " + Files.getLastModifiedTime(absolute).toMillis());
        } else {
            text(digest, "<missing>");
        }
    }

    /**
     * The regular files under {@code directory} (links to files included, as {@link Files#isRegularFile} sees them),
     * sorted: one walk whose directory reads give each file's type, not a walk and then a {@code stat} per file (5 000
     * class files are the largest part of a no-op check's key).
     *
     * @throws IOException when the directory cannot be read, or holds too many files to key by
     */
    private static List<Path> regularFiles(Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile() || attributes.isSymbolicLink() && Files.isRegularFile(file)) {
                    if (files.size() == MAX_DIRECTORY_FILES) {
                        throw new IOException("too many files to key a cache by: " + directory);
                    }
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }
}
