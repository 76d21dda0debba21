package dev.autogen.migrate;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;

import java.util.regex.Pattern;

/**
 * Finds and renames a column inside a check expression, as PostgreSQL does when a column is renamed or dropped (it
 * stores checks parsed, so they follow the column). Tokenises just enough SQL to be safe: string literals are skipped,
 * {@code "quoted"} and bare identifiers are compared, and a bare word followed by {@code (} (a function) or preceded
 * by {@code ::} (a type) is left alone. Bare words match case-insensitively (PostgreSQL folds them to lower case,
 * SQLite compares identifiers without case).
 */
final class CheckExpressions {
    private static final Pattern SIMPLE_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private CheckExpressions() {
    }

    /** Whether {@code expression} refers to {@code column}. */
    static boolean mentions(String expression, String column) {
        return !rename(expression, column, column + "\u0000").equals(expression);
    }

    /** {@code expression} with every reference to column {@code from} replaced by {@code to}. */
    static String rename(String expression, String from, String to) {
        StringBuilder out = new StringBuilder(expression.length());
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char c = expression.charAt(i);
            if (c == '\'') {
                int end = endOfQuoted(expression, i, '\'');
                out.append(expression, i, end);
                i = end;
            } else if (c == '"') {
                int end = endOfQuoted(expression, i, '"');
                String name = expression.substring(i + 1, Math.max(i + 1, end - 1)).replace("\"\"", "\"");
                out.append(name.equals(from) ? quoteIdentifier(to) : expression.substring(i, end));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(expression.charAt(end)) || expression.charAt(end) == '_'
                        || expression.charAt(end) == '$')) {
                    end++;
                }
                String word = expression.substring(i, end);
                boolean isColumn = word.equalsIgnoreCase(from) && !followedByParenthesis(expression, end)
                        && !(i >= 2 && expression.startsWith("::", i - 2));
                out.append(isColumn ? (SIMPLE_IDENTIFIER.matcher(to).matches() ? to : quoteIdentifier(to)) : word);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int endOfQuoted(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length()) {
            if (s.charAt(i) == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    private static boolean followedByParenthesis(String s, int index) {
        int i = index;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i < s.length() && s.charAt(i) == '(';
    }
}
