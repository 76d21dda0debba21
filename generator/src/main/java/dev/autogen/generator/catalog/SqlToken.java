package dev.autogen.generator.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One token of an SQL expression (a check or a default), and the tokenizer that makes them. Expressions are rewritten
 * and compared as token lists, never as raw strings, so quotes, casts and parentheses are seen for what they are.
 */
record SqlToken(Kind kind, String text) {

    enum Kind { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL }

    /** Words that are operators or keywords of an expression, never identifiers or function names. */
    static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "null", "between", "like", "ilike",
            "similar", "escape", "any", "all", "some", "exists", "case", "when", "then", "else", "end", "true", "false",
            "array", "distinct", "from", "to", "as", "collate", "isnull", "notnull", "glob", "regexp", "match");

    private static final List<String> THREE_CHARACTER_SYMBOLS = List.of("!~~", "~~*");
    private static final List<String> TWO_CHARACTER_SYMBOLS =
            List.of("::", "<=", ">=", "<>", "!=", "==", "||", "<<", ">>", "~~", "!~");

    static SqlToken word(String text) {
        return new SqlToken(Kind.WORD, text);
    }

    static SqlToken symbol(String text) {
        return new SqlToken(Kind.SYMBOL, text);
    }

    boolean is(String wordOrSymbol) {
        return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equalsIgnoreCase(wordOrSymbol);
    }

    boolean isKeyword() {
        return kind == Kind.WORD && KEYWORDS.contains(text.toLowerCase(Locale.ROOT));
    }

    /** An identifier or a function name: a word that is not a keyword, or a quoted identifier. */
    boolean isName() {
        return kind == Kind.QUOTED_IDENTIFIER || (kind == Kind.WORD && !isKeyword());
    }

    /** A value on its own: a literal or a name. */
    boolean isAtom() {
        return kind == Kind.STRING || kind == Kind.NUMBER || isName() || is("null") || is("true") || is("false");
    }

    static List<SqlToken> tokenize(String sql) {
        List<SqlToken> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int end = quotedEnd(sql, i, c);
                tokens.add(new SqlToken(c == '\'' ? Kind.STRING : Kind.QUOTED_IDENTIFIER, sql.substring(i, end)));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$')) {
                    end++;
                }
                tokens.add(word(sql.substring(i, end)));
                i = end;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                int end = i + 1;
                while (end < n && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '.'
                        || Character.toLowerCase(sql.charAt(end)) == 'e')) {
                    end++;
                }
                tokens.add(new SqlToken(Kind.NUMBER, sql.substring(i, end)));
                i = end;
            } else {
                String two = i + 1 < n ? sql.substring(i, i + 2) : "";
                String three = i + 2 < n ? sql.substring(i, i + 3) : "";
                int length = THREE_CHARACTER_SYMBOLS.contains(three) ? 3 : TWO_CHARACTER_SYMBOLS.contains(two) ? 2 : 1;
                tokens.add(symbol(sql.substring(i, i + length)));
                i += length;
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

    /** Index of the bracket closing the one at {@code open} ({@code (} or {@code [}); -1 when unbalanced. */
    static int matching(List<SqlToken> tokens, int open) {
        String opening = tokens.get(open).text();
        String closing = opening.equals("(") ? ")" : "]";
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).is(opening)) {
                depth++;
            } else if (tokens.get(i).is(closing) && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Writes tokens back as text: words lower-case, one space between tokens except inside brackets, before commas,
     * after commas, around {@code .} and {@code ::}, between a function name and its {@code (}, and after a sign.
     */
    static String render(List<SqlToken> tokens) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (i > 0 && spaceBetween(i >= 2 ? tokens.get(i - 2) : null, tokens.get(i - 1), token)) {
                out.append(' ');
            }
            out.append(token.kind() == Kind.WORD ? token.text().toLowerCase(Locale.ROOT) : token.text());
        }
        return out.toString();
    }

    private static boolean spaceBetween(SqlToken beforePrevious, SqlToken previous, SqlToken token) {
        if (previous.is("(") || previous.is("[") || previous.is(",") || previous.is(".") || previous.is("::")) {
            return false;
        }
        if (token.is(")") || token.is("]") || token.is(",") || token.is(".") || token.is("::") || token.is("[")) {
            return false;
        }
        if (token.is("(") && previous.isName()) {
            return false;
        }
        boolean sign = previous.is("-") || previous.is("+");
        boolean unary = beforePrevious == null || (beforePrevious.kind() == Kind.SYMBOL && !beforePrevious.is(")")
                && !beforePrevious.is("]")) || beforePrevious.isKeyword();
        return !(sign && unary);
    }
}
