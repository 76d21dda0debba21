package dev.autogen.generator.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The form in which two check or default expressions are compared: an entity's (Hibernate writes
 * {@code status in ('ACTIVE','PAUSED')}) and a catalog's (PostgreSQL stores
 * {@code ((status)::text = ANY ((ARRAY['ACTIVE'::character varying, ...])::text[]))}). Two expressions mean the same
 * when their canonical forms are equal strings.
 *
 * <p>Canonical form: words lower-case (string literals and quoted identifiers keep their case), whitespace collapsed,
 * spacing around operators and commas fixed, casts dropped, PostgreSQL's {@code = ANY (ARRAY[...])} and
 * {@code (x >= a) AND (x <= b)} rewritten to {@code in (...)} and {@code between}, a one-literal {@code in (a)}
 * written {@code = a} (as PostgreSQL stores it), parentheses around the operands of {@code and}/{@code or} removed
 * when they hold no {@code and}/{@code or} themselves (PostgreSQL adds them), parentheses that group nothing
 * removed, {@code !=} written {@code <>}, and quoted identifiers unquoted when quoting is not needed.
 */
public final class SqlExpressions {
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");
    /** Words that stay quoted even when lower case: reserved in PostgreSQL or SQLite. */
    private static final Set<String> RESERVED = Set.of("all", "and", "any", "array", "as", "asc", "between", "both",
            "case", "cast", "check", "collate", "column", "constraint", "create", "current_date", "current_time",
            "current_timestamp", "default", "desc", "distinct", "do", "else", "end", "except", "exists", "false", "for",
            "foreign", "from", "group", "having", "in", "index", "is", "key", "like", "limit", "not", "null", "offset",
            "on", "only", "or", "order", "primary", "references", "select", "some", "table", "then", "to", "true",
            "union", "unique", "user", "using", "when", "where", "with");

    private SqlExpressions() {
    }

    /** The canonical form of {@code expression}; null stays null. */
    public static String canonical(String expression) {
        if (expression == null) {
            return null;
        }
        List<SqlToken> tokens = new ArrayList<>();
        List<SqlToken> portable = SqlExpressionRewriter.portable(SqlToken.tokenize(expression));
        List<SqlToken> simplified = SqlExpressionRewriter.singletonInToComparison(
                SqlExpressionRewriter.logicalOperandParentheses(portable));
        for (SqlToken token : simplified) {
            tokens.add(canonicalToken(token));
        }
        return SqlToken.render(tokens);
    }

    private static SqlToken canonicalToken(SqlToken token) {
        return switch (token.kind()) {
            case WORD -> SqlToken.word(token.text().toLowerCase(Locale.ROOT));
            case QUOTED_IDENTIFIER -> {
                String inner = token.text().substring(1, token.text().length() - 1).replace("\"\"", "\"");
                yield PLAIN_IDENTIFIER.matcher(inner).matches() && !RESERVED.contains(inner)
                        ? SqlToken.word(inner) : token;
            }
            case SYMBOL -> token.is("!=") ? SqlToken.symbol("<>") : token.is("==") ? SqlToken.symbol("=") : token;
            case STRING, NUMBER -> token;
        };
    }
}
