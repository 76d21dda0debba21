package dev.autogen.generator.diff;

import java.util.Locale;

/**
 * A purely lexical {@link ExpressionCanonicalizer}: it knows nothing of SQL semantics, only that outside quoted text
 * <ul>
 *   <li>keywords and unquoted identifiers are case-insensitive (lower-cased here);</li>
 *   <li>runs of whitespace mean one space, and whitespace next to {@code (}, {@code )} or {@code ,} means nothing;</li>
 *   <li>parentheses around the whole expression are redundant ({@code ((x > 0))} is {@code x > 0}).</li>
 * </ul>
 * Text inside single quotes (string literals) and double quotes (quoted identifiers) is kept exactly. It is the default
 * until a semantic canonicaliser (casts, rewritten {@code IN} lists) is plugged into {@link SchemaDiffer}.
 */
public final class LexicalExpressionCanonicalizer implements ExpressionCanonicalizer {

    static final LexicalExpressionCanonicalizer INSTANCE = new LexicalExpressionCanonicalizer();

    @Override
    public String canonical(String expression) {
        String text = normalizeSpacingAndCase(expression);
        String stripped = stripOuterParentheses(text);
        while (!stripped.equals(text)) {
            text = stripped;
            stripped = stripOuterParentheses(text);
        }
        return text;
    }

    private static String normalizeSpacingAndCase(String expression) {
        StringBuilder out = new StringBuilder(expression.length());
        char quote = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (Character.isWhitespace(c)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && !out.isEmpty() && !isTight(out.charAt(out.length() - 1)) && !isTight(c)) {
                out.append(' ');
            }
            pendingSpace = false;
            if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
            } else {
                out.append(String.valueOf(c).toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    private static boolean isTight(char c) {
        return c == '(' || c == ')' || c == ',';
    }

    /** {@code text} without one pair of parentheses that encloses all of it, or {@code text} itself. */
    private static String stripOuterParentheses(String text) {
        if (text.length() < 2 || text.charAt(0) != '(' || text.charAt(text.length() - 1) != ')') {
            return text;
        }
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && i < text.length() - 1) {
                    return text; // the first parenthesis closes before the end: (a) + (b)
                }
            }
        }
        return depth == 0 ? text.substring(1, text.length() - 1).strip() : text;
    }
}
