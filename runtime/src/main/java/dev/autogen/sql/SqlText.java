package dev.autogen.sql;

/**
 * The one place per dialect where text autogen does not control becomes part of SQL that a client reads: string
 * literals (revision ids, checksums, comments on tables, who applied a revision) and {@code --} comment lines in offline
 * scripts (messages, parents, table names). A script is read by {@code psql} or {@code sqlite3} line by line, so a
 * newline, carriage return or NUL inside a comment or a literal could end it early and turn the rest into a statement;
 * this class makes that impossible by construction:
 *
 * <ul>
 *   <li>a comment is one line: control characters (NUL, CR, LF, tab, ...) and Unicode line and paragraph separators
 *       become spaces, runs of white space one space, and block-comment delimiters are broken up;</li>
 *   <li>a literal keeps its value exactly: quotes are doubled, and control characters are written as escapes
 *       (PostgreSQL: an {@code E'...'} literal with {@code \\uXXXX}, used too whenever there is a backslash, so the
 *       literal means the same with {@code standard_conforming_strings} on or off; SQLite: {@code char(N)} joined with
 *       {@code ||}, in parentheses; MariaDB: backslash escapes, since its default {@code sql_mode} reads a backslash in
 *       a literal as an escape). PostgreSQL text cannot hold NUL: its escape is refused by the server, so the statement fails
 *       instead of running with a different value.</li>
 * </ul>
 */
public final class SqlText {
    private final Dialect dialect;

    private SqlText(Dialect dialect) {
        this.dialect = dialect;
    }

    public static SqlText of(Dialect dialect) {
        return new SqlText(dialect);
    }

    /** {@code text} as a string literal of this dialect, quotes included. */
    public String literal(String text) {
        return switch (dialect) {
            case POSTGRESQL -> postgresLiteral(text);
            case SQLITE -> sqliteLiteral(text);
            case MARIADB -> mariadbLiteral(text);
        };
    }

    /** {@code text} as the body of a {@code --} comment line (without the {@code --}): one line, nothing that ends it. */
    public String comment(String text) {
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> line.appendCodePoint(breaksLine(c) ? ' ' : c));
        return line.toString().strip().replaceAll("\\s+", " ").replace("*/", "* /").replace("/*", "/ *");
    }

    /** Whether a client could read {@code c} as the end of a line or of a string (every control character). */
    static boolean breaksLine(int c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR;
    }

    private static String postgresLiteral(String text) {
        boolean escaped = text.indexOf('\\') >= 0 || text.codePoints().anyMatch(SqlText::breaksLine);
        if (!escaped) {
            return "'" + text.replace("'", "''") + "'";
        }
        StringBuilder literal = new StringBuilder("E'");
        text.codePoints().forEach(c -> {
            if (c == '\'') {
                literal.append("''");
            } else if (c == '\\') {
                literal.append("\\\\");
            } else if (breaksLine(c)) {
                literal.append(String.format("\\u%04x", c));
            } else {
                literal.appendCodePoint(c);
            }
        });
        return literal.append('\'').toString();
    }

    private static String sqliteLiteral(String text) {
        StringBuilder literal = new StringBuilder();
        StringBuilder run = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (breaksLine(c)) {
                appendPart(literal, "'" + run.toString().replace("'", "''") + "'");
                run.setLength(0);
                appendPart(literal, "char(" + c + ")");
            } else {
                run.appendCodePoint(c);
            }
        });
        if (!run.isEmpty() || literal.isEmpty()) {
            appendPart(literal, "'" + run.toString().replace("'", "''") + "'");
        }
        // parenthesised, so the concatenation is one operand wherever a literal may stand (a DEFAULT clause too)
        return literal.indexOf(" || ") < 0 ? literal.toString() : "(" + literal + ")";
    }

    /**
     * A MariaDB literal: quotes doubled, and a backslash and the characters that could end a line or a string written
     * as backslash escapes ({@code \\\\}, {@code \\0}, {@code \\n}, {@code \\r}, {@code \\t}, {@code \\b}, {@code \\Z}). MariaDB has
     * no escape for other control characters or Unicode separators; they end no line for the {@code mariadb} client,
     * so they stay as they are. A literal stays a literal (a {@code COMMENT} clause accepts nothing
     * else); the server reads it so under its default {@code sql_mode}, which autogen's sessions keep
     * ({@code NO_BACKSLASH_ESCAPES} is removed when the migrator connects).
     */
    private static String mariadbLiteral(String text) {
        StringBuilder literal = new StringBuilder("'");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\'' -> literal.append("''");
                case '\\' -> literal.append("\\\\");
                case 0 -> literal.append("\\0");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                case '\b' -> literal.append("\\b");
                case 0x1a -> literal.append("\\Z");
                default -> literal.appendCodePoint(c);
            }
        });
        return literal.append('\'').toString();
    }

    private static void appendPart(StringBuilder literal, String part) {
        if (part.equals("''") && !literal.isEmpty()) {
            return;
        }
        literal.append(literal.isEmpty() ? "" : " || ").append(part);
    }
}
