package dev.autogen.generator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh directory under {@code java.io.tmpdir}. Not {@code @TempDir}: the build points java.io.tmpdir at
 * {@code target/tmp}, which nothing creates before JUnit would need it.
 */
final class ScratchDirectory {
    private ScratchDirectory() {
    }

    static Path create(String hint) throws IOException {
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        return Files.createTempDirectory(tmp, hint);
    }
}
