package dev.autogen.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text (an expression, or a whole {@code CREATE TABLE} statement) into tokens, so that nothing that reads
 * SQL mistakes a comma, a parenthesis or a name inside a string literal or a quoted identifier for structure. The one
 * lexer of autogen: the SQLite {@code CREATE TABLE} parser, the check-expression renamer of the migrator and the
 * generator's expression canonicaliser all read SQL through it.
 *
 * <p>Comments ({@code --} to the end of the line, {@code /* ... *}{@code /}) are skipped. Each token keeps its
 * offsets, so a caller can cut text out of the original verbatim. Multi-character operators ({@code <=}, {@code ||},
 * PostgreSQL's {@code ::}, {@code ~~}, {@code !~~}, {@code ~~*}) are single symbols.
 */
public final class SqlLexer {

    /** What a token is. */
    public enum Kind { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL }

    /** Which identifier quotes the grammar knows besides standard SQL's {@code "..."}. */
    public enum Quotes {
        /** Only {@code "name"}: {@code [} and {@code ]} are array brackets (PostgreSQL), {@code `} a symbol. */
        STANDARD,
        /** SQLite also accepts {@code `name`} and {@code [name]} (MySQL's and SQL Server's quotes). */
        SQLITE
    }

    /**
     * One token.
     *
     * @param text  the token as written (quotes included)
     * @param start offset of its first character
     * @param end   offset after its last character
     */
    public record Token(Kind kind, String text, int start, int end) {

        /** Whether this is the given keyword or symbol, compared case-insensitively. */
        public boolean is(String wordOrSymbol) {
            return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equalsIgnoreCase(wordOrSymbol);
        }

        /** The identifier (or string) this token holds: quotes removed and doubled quotes undone. */
        public String identifier() {
            if (kind != Kind.QUOTED_IDENTIFIER && kind != Kind.STRING) {
                return text;
            }
            char open = text.charAt(0);
            String inner = text.substring(1, Math.max(1, text.length() - 1));
            return switch (open) {
                case '[' -> inner;
                case '`' -> inner.replace("``", "`");
                case '\'' -> inner.replace("''", "'");
                default -> inner.replace("\"\"", "\"");
            };
        }
    }

    private static final List<String> THREE_CHARACTER_SYMBOLS = List.of("!~~", "~~*");
    private static final List<String> TWO_CHARACTER_SYMBOLS =
            List.of("::", "<=", ">=", "<>", "!=", "==", "||", "<<", ">>", "~~", "!~");

    private SqlLexer() {
    }

    public static List<Token> tokenize(String sql, Quotes quotes) {
        boolean sqlite = quotes == Quotes.SQLITE;
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
            } else if (c == '\'' || c == '"' || (sqlite && c == '`')) {
                int end = quotedEnd(sql, i, c);
                tokens.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED_IDENTIFIER, sql.substring(i, end), i, end));
                i = end;
            } else if (sqlite && c == '[') {
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
                // digits, a decimal point, an exponent, or a hexadecimal literal (0x1F)
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
        if (i + 2 < sql.length() && THREE_CHARACTER_SYMBOLS.contains(sql.substring(i, i + 3))) {
            return 3;
        }
        if (i + 1 < sql.length() && TWO_CHARACTER_SYMBOLS.contains(sql.substring(i, i + 2))) {
            return 2;
        }
        return 1;
    }
}
