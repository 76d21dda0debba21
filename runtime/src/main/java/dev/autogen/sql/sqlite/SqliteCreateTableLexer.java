package dev.autogen.sql.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits the text of a {@code CREATE TABLE} statement (as {@code sqlite_schema.sql} keeps it) into tokens, so that the
 * parser never mistakes a comma or a parenthesis inside a string literal or a quoted identifier for structure. Each
 * token keeps its offsets, so expressions can be cut out of the original text verbatim.
 */
public final class SqliteCreateTableLexer {

    /** What a token is. */
    public enum Kind { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL }

    /**
     * One token.
     *
     * @param text  the token as written (quotes included)
     * @param start offset of its first character
     * @param end   offset after its last character
     */
    public record Token(Kind kind, String text, int start, int end) {

        /** Whether this is the given keyword or symbol, compared case-insensitively. */
        public boolean is(String word) {
            return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equalsIgnoreCase(word);
        }

        /** The identifier this token names: quotes removed and doubled quotes undone. */
        public String identifier() {
            if (kind != Kind.QUOTED_IDENTIFIER && kind != Kind.STRING) {
                return text;
            }
            char open = text.charAt(0);
            String inner = text.substring(1, text.length() - 1);
            return switch (open) {
                case '[' -> inner;
                case '`' -> inner.replace("``", "`");
                case '\'' -> inner.replace("''", "'");
                default -> inner.replace("\"\"", "\"");
            };
        }
    }

    private SqliteCreateTableLexer() {
    }

    public static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = quotedEnd(sql, i, c);
                tokens.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED_IDENTIFIER, sql.substring(i, end), i, end));
                i = end;
            } else if (c == '[') {
                int close = sql.indexOf(']', i);
                int end = close < 0 ? n : close + 1;
                tokens.add(new Token(Kind.QUOTED_IDENTIFIER, sql.substring(i, end), i, end));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$')) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(i, end), i, end));
                i = end;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Kind.NUMBER, sql.substring(i, end), i, end));
                i = end;
            } else {
                int end = i + symbolLength(sql, i);
                tokens.add(new Token(Kind.SYMBOL, sql.substring(i, end), i, end));
                i = end;
            }
        }
        return tokens;
    }

    private static int quotedEnd(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static int symbolLength(String sql, int i) {
        if (i + 1 < sql.length()) {
            String two = sql.substring(i, i + 2).toLowerCase(Locale.ROOT);
            if (List.of("<=", ">=", "<>", "!=", "==", "||", "<<", ">>").contains(two)) {
                return 2;
            }
        }
        return 1;
    }
}
