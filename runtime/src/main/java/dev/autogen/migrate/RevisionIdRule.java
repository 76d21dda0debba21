package dev.autogen.migrate;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a revision id may be: 1 to 64 letters, digits or {@code _}, and none of the words a target reserves
 * ({@code head}, {@code heads}, {@code base}). An id is a command-line target, a version-table value and a word in an
 * offline script's comments and string literals, so it is checked where it enters: {@code --rev-id} when a migration is
 * written, and {@code @Revision(id, parent, dependsOn)} when migrations are loaded. Anything else (a newline, a quote,
 * a NUL) is refused there instead of being escaped everywhere it later goes.
 */
public final class RevisionIdRule {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final List<String> RESERVED = List.of("head", "heads", "base");

    private RevisionIdRule() {
    }

    /** Whether {@code id} is a valid revision id. */
    public static boolean valid(String id) {
        return id != null && ID.matcher(id).matches() && !RESERVED.contains(id);
    }

    /** What is wrong with {@code id}, or empty when it is valid (for messages that name where it was given). */
    public static Optional<String> problem(String id) {
        if (valid(id)) {
            return Optional.empty();
        }
        if (id != null && RESERVED.contains(id)) {
            return Optional.of("'" + id + "' is a reserved target name");
        }
        return Optional.of(shown(id) + " is not 1 to 64 letters, digits or '_'");
    }

    /** {@code id} as a message may show it: quoted, control characters escaped, cut at 80 characters. */
    public static String shown(String id) {
        if (id == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder("'");
        id.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                text.append(String.format("\\u%04x", c));
            } else {
                text.appendCodePoint(c);
            }
        });
        return text.append(id.codePointCount(0, id.length()) > 80 ? "…'" : "'").toString();
    }
}
