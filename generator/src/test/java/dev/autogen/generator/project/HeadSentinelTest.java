package dev.autogen.generator.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code autogen-head} says, as written by autogen and as git leaves it after a conflicting merge. */
class HeadSentinelTest {
    @TempDir
    Path directory;

    @Test
    void writtenThenReadBackNamesTheHead() {
        HeadSentinel.write(directory, "b41c9e07d2aa");
        assertEquals(new HeadSentinel.State(List.of("b41c9e07d2aa"), List.of(), false),
                HeadSentinel.read(directory.resolve(HeadSentinel.FILE_NAME)).orElseThrow());
        assertEquals(List.of(), HeadSentinel.problems(directory.resolve(HeadSentinel.FILE_NAME),
                List.of("b41c9e07d2aa")));
    }

    /** git's default conflict style, and diff3's, whose common-ancestor section belongs to neither side. */
    @Test
    void aConflictNamesBothSidesWhateverTheConflictStyle() throws IOException {
        Path file = directory.resolve(HeadSentinel.FILE_NAME);
        Files.writeString(file, "# comment\n<<<<<<< HEAD\nbbb2\n=======\nccc3\n>>>>>>> right\n");
        assertEquals(new HeadSentinel.State(List.of("bbb2"), List.of("ccc3"), true), HeadSentinel.read(file).orElseThrow());
        Files.writeString(file, "# comment\n<<<<<<< HEAD\nbbb2\n||||||| merged common ancestors\naaa1\n=======\nccc3\n"
                + ">>>>>>> right\n");
        assertEquals(new HeadSentinel.State(List.of("bbb2"), List.of("ccc3"), true), HeadSentinel.read(file).orElseThrow());
    }

    @Test
    void aProjectWithoutTheFileHasNotAdoptedItAndIsNotAProblem() {
        assertEquals(List.of(), HeadSentinel.problems(directory.resolve(HeadSentinel.FILE_NAME), List.of("aaa1")));
    }
}
