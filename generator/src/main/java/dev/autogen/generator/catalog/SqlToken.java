package dev.autogen.generator.catalog;

import dev.autogen.sql.SqlLexer;
import dev.autogen.sql.SqlLexer.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One token of an SQL expression (a check or a default), as {@link SqlLexer} reads it but without offsets, so that
 * rewrites can make new tokens. Expressions are rewritten and compared as token lists, never as raw strings, so quotes,
 * casts and parentheses are seen for what they are.
 */
record SqlToken(Kind kind, String text) {

    /** Words that are operators or keywords of an expression, never identifiers or function names. */
    static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "null", "between", "like", "ilike",
            "similar", "escape", "any", "all", "some", "exists", "case", "when", "then", "else", "end", "true", "false",
            "array", "distinct", "from", "to", "as", "collate", "isnull", "notnull", "glob", "regexp", "match");

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

    /** The tokens of {@code sql} (standard quoting: {@code [} and {@code ]} are array brackets), without offsets. */
    static List<SqlToken> tokenize(String sql) {
        List<SqlToken> tokens = new ArrayList<>();
        for (SqlLexer.Token token : SqlLexer.tokenize(sql, SqlLexer.Quotes.STANDARD)) {
            tokens.add(new SqlToken(token.kind(), token.text()));
        }
        return tokens;
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
