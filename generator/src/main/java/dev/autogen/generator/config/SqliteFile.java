package dev.autogen.generator.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The file a {@code jdbc:sqlite:} URL names. SQLite creates a missing file on connect, so a mistyped URL would give
 * {@code diff}, {@code check} or {@code history} an empty database to report on, and leave a 0-byte file behind; the
 * commands that only read ask for the file first and refuse when it is not there (see
 * {@link dev.autogen.generator.project.Project}).
 *
 * @param path the file, as the driver resolves it (relative paths against the working directory)
 */
public record SqliteFile(Path path) {

    /** The file of {@code url}; empty for in-memory databases ({@code :memory:}, {@code mode=memory}) and resources. */
    public static Optional<SqliteFile> of(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        String lower = rest.toLowerCase(Locale.ROOT);
        if (rest.isEmpty() || lower.startsWith(":memory:") || lower.startsWith(":resource:")
                || lower.contains("mode=memory")) {
            return Optional.empty();
        }
        if (lower.startsWith("file:")) {
            rest = rest.substring("file:".length());
            if (rest.startsWith("//")) {
                rest = rest.substring(2); // file:///abs (empty authority) or file://localhost/abs
                rest = rest.substring(rest.indexOf('/'));
            }
        }
        int query = rest.indexOf('?');
        String file = query < 0 ? rest : rest.substring(0, query);
        return file.isEmpty() ? Optional.empty() : Optional.of(new SqliteFile(Path.of(file)));
    }
}
