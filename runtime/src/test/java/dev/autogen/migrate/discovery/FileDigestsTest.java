package dev.autogen.migrate.discovery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule {@link FileDigests} stores and trusts digests by: a stored digest is used only while the file's size,
 * times and inode are unchanged, and only files whose times were not recent when hashed are stored. Each case writes
 * real files and compares with the SHA-256 of what the file holds.
 */
class FileDigestsTest {
    /** A clock an hour ahead: every file is old enough to be stored at once (the racy window is tested on its own). */
    private static final long AN_HOUR = 3_600_000;

    @TempDir
    Path dir;

    @AfterEach
    void newRun() {
        FileDigests.forgetThisRun();
    }

    private FileDigests digests(long aheadMillis) {
        return new FileDigests(dir.resolve("cache/file-digests"), () -> System.currentTimeMillis() + aheadMillis);
    }

    private Path tree() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("A.java"), "class A {}");
        Files.writeString(tree.resolve("B.java"), "class B {}");
        return tree;
    }

    private static byte[] sha256(Path file) throws IOException {
        return CacheDigest.sha256().digest(Files.readAllBytes(file));
    }

    private byte[] digestOf(FileDigests digests, Path tree, Path file) throws IOException {
        return digests.of(tree, List.of(file)).get(0);
    }

    /** Replaces every stored digest with zeros: a digest read from the index is then recognisable. */
    private void forgeIndex() throws IOException {
        try (Stream<Path> indexes = Files.list(dir.resolve("cache/file-digests"))) {
            for (Path index : indexes.toList()) {
                Files.writeString(index, Files.readString(index).replaceAll(" [0-9a-f]{64} ", " " + "0".repeat(64) + " "));
            }
        }
        FileDigests.forgetThisRun();
    }

    @Test
    void aDigestIsTheSha256OfTheFileAndAnUnchangedFileIsNotReadAgain() throws IOException {
        Path tree = tree();
        Path a = tree.resolve("A.java");
        assertArrayEquals(sha256(a), digestOf(digests(AN_HOUR), tree, a));

        forgeIndex();
        assertArrayEquals(new byte[32], digestOf(digests(AN_HOUR), tree, a), "the stored digest was used");
    }

    @Test
    void aTouchedButIdenticalFileIsHashedAgainAndGivesTheSameDigest() throws IOException {
        Path tree = tree();
        Path a = tree.resolve("A.java");
        byte[] before = digestOf(digests(AN_HOUR), tree, a);
        forgeIndex();

        Files.setLastModifiedTime(a, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        assertArrayEquals(before, digestOf(digests(AN_HOUR), tree, a));
    }

    @Test
    void aChangedFileWithItsSizeAndModificationTimePutBackIsHashedAgain() throws Exception {
        Path tree = tree();
        Path a = tree.resolve("A.java");
        FileTime modified = Files.getLastModifiedTime(a);
        digestOf(digests(AN_HOUR), tree, a);
        FileDigests.forgetThisRun();
        Thread.sleep(20); // past the file system clock's tick: the change time moves

        Files.writeString(a, "class Z {}"); // same size
        Files.setLastModifiedTime(a, modified);
        assertArrayEquals("class Z {}".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(a));
        assertArrayEquals(sha256(a), digestOf(digests(AN_HOUR), tree, a), "the change time gave the change away");
    }

    @Test
    void aRecentlyWrittenFileIsNotStoredSoASecondWriteInTheSameTickIsNeverMissed() throws IOException {
        Path tree = tree();
        Path a = tree.resolve("A.java");
        assertArrayEquals(sha256(a), digestOf(digests(0), tree, a));

        assertTrue(Files.notExists(dir.resolve("cache/file-digests")), "nothing stored for a file written just now");
    }

    @Test
    void aDamagedIndexIsIgnored() throws IOException {
        Path tree = tree();
        Path a = tree.resolve("A.java");
        Path b = tree.resolve("B.java");
        digests(AN_HOUR).of(tree, List.of(a, b));
        try (Stream<Path> indexes = Files.list(dir.resolve("cache/file-digests"))) {
            for (Path index : indexes.toList()) {
                Files.writeString(index, Files.readString(index).substring(0, 90) + "\nnot a line\n");
            }
        }
        FileDigests.forgetThisRun();

        List<byte[]> digests = digests(AN_HOUR).of(tree, List.of(a, b));
        assertArrayEquals(sha256(a), digests.get(0));
        assertArrayEquals(sha256(b), digests.get(1));
    }

    @Test
    void withoutACacheDirectoryEveryFileIsHashed() throws IOException {
        Path tree = tree();
        Path b = tree.resolve("B.java");
        assertArrayEquals(sha256(b), digestOf(FileDigests.in(null), tree, b));
    }
}
