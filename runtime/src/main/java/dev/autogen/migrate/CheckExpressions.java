package dev.autogen.migrate;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;

import dev.autogen.sql.SqlLexer;
import dev.autogen.sql.SqlLexer.Kind;
import dev.autogen.sql.SqlLexer.Token;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds and renames a column inside a check expression, as PostgreSQL does when a column is renamed or dropped (it
 * stores checks parsed, so they follow the column). Reads the expression with {@link SqlLexer}: string literals are
 * skipped, {@code "quoted"} and bare identifiers are compared, and a bare word followed by {@code (} (a function) or
 * preceded by {@code ::} (a type) is left alone. Bare words match case-insensitively (PostgreSQL folds them to lower
 * case, SQLite compares identifiers without case). Everything else, spacing included, is kept as written.
 */
public final class CheckExpressions {
    private static final Pattern SIMPLE_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private CheckExpressions() {
    }

    /** Whether {@code expression} refers to {@code column}. */
    public static boolean mentions(String expression, String column) {
        return !rename(expression, column, column + "\u0000").equals(expression);
    }

    /** {@code expression} with every reference to column {@code from} replaced by {@code to}. */
    public static String rename(String expression, String from, String to) {
        List<Token> tokens = SqlLexer.tokenize(expression, SqlLexer.Quotes.STANDARD);
        StringBuilder out = new StringBuilder(expression.length());
        int copied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean quotedColumn = token.kind() == Kind.QUOTED_IDENTIFIER && token.identifier().equals(from);
            boolean bareColumn = token.kind() == Kind.WORD && token.text().equalsIgnoreCase(from)
                    && !(i + 1 < tokens.size() && tokens.get(i + 1).is("("))
                    && !(i > 0 && tokens.get(i - 1).is("::"));
            if (quotedColumn || bareColumn) {
                out.append(expression, copied, token.start());
                out.append(bareColumn && SIMPLE_IDENTIFIER.matcher(to).matches() ? to : quoteIdentifier(to));
                copied = token.end();
            }
        }
        return out.append(expression, copied, expression.length()).toString();
    }
}
