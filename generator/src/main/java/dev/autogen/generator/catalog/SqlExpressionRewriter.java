package dev.autogen.generator.catalog;

import dev.autogen.sql.SqlLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Undoes what PostgreSQL does to an expression it stores, on token lists: casts are dropped
 * ({@code 'A'::character varying} → {@code 'A'}), {@code x = ANY (ARRAY[a, b])} becomes {@code x in (a,b)},
 * {@code (x >= a) AND (x <= b)} becomes {@code x between a and b}, {@code ~~} becomes {@code like}, and parentheses that group nothing are removed.
 * The result is the portable form Hibernate writes, which runs on SQLite too.
 *
 * <p>Dropping every cast is a deliberate simplification: a cast in a check or a default is almost always one
 * PostgreSQL added to a literal or to a column of the expression's own type; an explicit conversion a user wrote
 * would be lost (and then compared without it).
 */
final class SqlExpressionRewriter {
    private static final Set<String> TYPE_NAME_CONTINUATIONS = Set.of("varying", "precision", "with", "without", "time",
            "zone");
    /** Keywords after which a parenthesised group is syntax ({@code in (1)}), never mere grouping. */
    private static final Set<String> KEEP_PARENTHESES_AFTER = Set.of("in", "any", "all", "some", "exists", "array");

    private SqlExpressionRewriter() {
    }

    static List<SqlToken> portable(List<SqlToken> expression) {
        List<SqlToken> current = expression;
        for (int round = 0; round < 20; round++) {
            List<SqlToken> next = simplifyParentheses(rangeToBetween(anyArrayToIn(simplifyParentheses(
                    likeOperators(stripCasts(current))))));
            if (next.equals(current)) {
                return next;
            }
            current = next;
        }
        return current;
    }

    /** PostgreSQL prints {@code LIKE} as {@code ~~} and {@code NOT LIKE} as {@code !~~}. */
    static List<SqlToken> likeOperators(List<SqlToken> tokens) {
        List<SqlToken> out = new ArrayList<>();
        for (SqlToken t : tokens) {
            if (t.is("~~")) {
                out.add(SqlToken.word("like"));
            } else if (t.is("!~~")) {
                out.add(SqlToken.word("not"));
                out.add(SqlToken.word("like"));
            } else if (t.is("~~*")) {
                out.add(SqlToken.word("ilike"));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    static List<SqlToken> stripCasts(List<SqlToken> tokens) {
        List<SqlToken> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (!tokens.get(i).is("::")) {
                out.add(tokens.get(i++));
                continue;
            }
            int j = i + 1;
            if (j < tokens.size() && (tokens.get(j).kind() == SqlLexer.Kind.WORD
                    || tokens.get(j).kind() == SqlLexer.Kind.QUOTED_IDENTIFIER)) {
                j++;
            }
            while (j < tokens.size()) {
                SqlToken t = tokens.get(j);
                if (t.kind() == SqlLexer.Kind.WORD && TYPE_NAME_CONTINUATIONS.contains(t.text().toLowerCase(Locale.ROOT))) {
                    j++;
                } else if (t.is("(") && SqlToken.matching(tokens, j) > 0 && onlyNumbers(tokens, j)) {
                    j = SqlToken.matching(tokens, j) + 1;
                } else if (t.is("[") && j + 1 < tokens.size() && tokens.get(j + 1).is("]")) {
                    j += 2;
                } else {
                    break;
                }
            }
            i = j;
        }
        return out;
    }

    private static boolean onlyNumbers(List<SqlToken> tokens, int open) {
        int close = SqlToken.matching(tokens, open);
        for (int k = open + 1; k < close; k++) {
            if (tokens.get(k).kind() != SqlLexer.Kind.NUMBER && !tokens.get(k).is(",")) {
                return false;
            }
        }
        return true;
    }

    static List<SqlToken> simplifyParentheses(List<SqlToken> tokens) {
        List<SqlToken> current = tokens;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < current.size() && !changed; i++) {
                if (!current.get(i).is("(")) {
                    continue;
                }
                int close = SqlToken.matching(current, i);
                if (close < 0) {
                    return current;
                }
                SqlToken previous = i > 0 ? current.get(i - 1) : null;
                boolean whole = i == 0 && close == current.size() - 1;
                boolean doubled = current.get(i + 1).is("(") && SqlToken.matching(current, i + 1) == close - 1;
                boolean grouping = previous == null || (previous.kind() == SqlLexer.Kind.SYMBOL && !previous.is(")")
                        && !previous.is("]")) || (previous.isKeyword()
                        && !KEEP_PARENTHESES_AFTER.contains(previous.text().toLowerCase(Locale.ROOT)));
                if (whole || doubled || (grouping && primaryEnd(current, i + 1) == close)) {
                    List<SqlToken> next = new ArrayList<>(current.subList(0, i));
                    next.addAll(current.subList(i + 1, close));
                    next.addAll(current.subList(close + 1, current.size()));
                    current = next;
                    changed = true;
                }
            }
        }
        return current;
    }

    /**
     * Where the primary starting at {@code start} ends (exclusive): an optionally signed number, a literal, a
     * possibly qualified name optionally called ({@code f(...)}), or {@code ARRAY[...]}; -1 when none starts there.
     */
    private static int primaryEnd(List<SqlToken> tokens, int start) {
        int i = start;
        if (i < tokens.size() && (tokens.get(i).is("-") || tokens.get(i).is("+"))) {
            i++;
            return i < tokens.size() && tokens.get(i).kind() == SqlLexer.Kind.NUMBER ? i + 1 : -1;
        }
        if (i >= tokens.size()) {
            return -1;
        }
        SqlToken first = tokens.get(i);
        if (first.is("array") && i + 1 < tokens.size() && tokens.get(i + 1).is("[")) {
            int close = SqlToken.matching(tokens, i + 1);
            return close < 0 ? -1 : close + 1;
        }
        if (!first.isAtom()) {
            return -1;
        }
        i++;
        if (first.isName()) {
            while (i + 1 < tokens.size() && tokens.get(i).is(".") && tokens.get(i + 1).isName()) {
                i += 2;
            }
            if (i < tokens.size() && tokens.get(i).is("(")) {
                int close = SqlToken.matching(tokens, i);
                return close < 0 ? -1 : close + 1;
            }
        }
        return i;
    }

    static List<SqlToken> anyArrayToIn(List<SqlToken> tokens) {
        List<SqlToken> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            SqlToken t = tokens.get(i);
            boolean anyOf = t.is("=") && i + 1 < tokens.size() && (tokens.get(i + 1).is("any") || tokens.get(i + 1).is("some"));
            boolean noneOf = (t.is("<>") || t.is("!=")) && i + 1 < tokens.size() && tokens.get(i + 1).is("all");
            if ((anyOf || noneOf) && i + 2 < tokens.size() && tokens.get(i + 2).is("(")) {
                int close = SqlToken.matching(tokens, i + 2);
                List<SqlToken> inner = close < 0 ? List.of() : tokens.subList(i + 3, close);
                while (inner.size() > 1 && inner.get(0).is("(") && SqlToken.matching(inner, 0) == inner.size() - 1) {
                    inner = inner.subList(1, inner.size() - 1);
                }
                if (inner.size() >= 3 && inner.get(0).is("array") && inner.get(1).is("[")
                        && SqlToken.matching(inner, 1) == inner.size() - 1) {
                    if (noneOf) {
                        out.add(SqlToken.word("not"));
                    }
                    out.add(SqlToken.word("in"));
                    out.add(SqlToken.symbol("("));
                    out.addAll(inner.subList(2, inner.size() - 1));
                    out.add(SqlToken.symbol(")"));
                    i = close + 1;
                    continue;
                }
            }
            out.add(t);
            i++;
        }
        return out;
    }

    /**
     * PostgreSQL stores {@code x IN (a)} as {@code x = a} and {@code x NOT IN (a)} as {@code x <> a} (a one-value
     * list is parsed as a plain comparison), so a one-literal list is written that way: a single-table hierarchy with
     * one discriminator value, or an enum with one constant, then compares equal.
     */
    static List<SqlToken> singletonInToComparison(List<SqlToken> tokens) {
        List<SqlToken> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            if (t.is("in") && i + 1 < tokens.size() && tokens.get(i + 1).is("(")) {
                int close = SqlToken.matching(tokens, i + 1);
                List<SqlToken> value = close < 0 ? List.of() : tokens.subList(i + 2, close);
                boolean literal = !value.isEmpty() && primaryEnd(tokens, i + 2) == close && value.stream().allMatch(
                        v -> v.kind() == SqlLexer.Kind.NUMBER || v.kind() == SqlLexer.Kind.STRING || v.is("-")
                                || v.is("+"));
                if (literal) {
                    boolean negated = !out.isEmpty() && out.getLast().is("not");
                    if (negated) {
                        out.removeLast();
                    }
                    out.add(SqlToken.symbol(negated ? "<>" : "="));
                    out.addAll(value);
                    i = close;
                    continue;
                }
            }
            out.add(t);
        }
        return out;
    }

    /**
     * Parentheses around an operand of {@code AND}/{@code OR} that holds no {@code AND}/{@code OR} of its own are
     * removed: comparisons bind tighter, and PostgreSQL prints {@code a > 0 and b < 1} as
     * {@code ((a > 0) AND (b < 1))}.
     */
    static List<SqlToken> logicalOperandParentheses(List<SqlToken> tokens) {
        List<SqlToken> current = tokens;
        for (int i = 0; i < current.size(); i++) {
            if (!current.get(i).is("(")) {
                continue;
            }
            int close = SqlToken.matching(current, i);
            if (close < 0) {
                return current;
            }
            SqlToken previous = i > 0 ? current.get(i - 1) : null;
            SqlToken next = close + 1 < current.size() ? current.get(close + 1) : null;
            boolean operand = (previous == null || previous.is("(") || previous.is("and") || previous.is("or"))
                    && (next == null || next.is(")") || next.is("and") || next.is("or"));
            if (operand && (previous != null || next != null) && !hasLogicalOperator(current, i + 1, close)) {
                List<SqlToken> out = new ArrayList<>(current.subList(0, i));
                out.addAll(current.subList(i + 1, close));
                out.addAll(current.subList(close + 1, current.size()));
                current = out;
                i = -1;
            }
        }
        return current;
    }

    private static boolean hasLogicalOperator(List<SqlToken> tokens, int from, int to) {
        int depth = 0;
        for (int k = from; k < to; k++) {
            SqlToken t = tokens.get(k);
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                depth--;
            } else if (depth == 0 && (t.is("and") || t.is("or"))) {
                return true;
            }
        }
        return false;
    }

    static List<SqlToken> rangeToBetween(List<SqlToken> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).is("(")) {
                continue;
            }
            SqlToken previous = i > 0 ? tokens.get(i - 1) : null;
            if (previous != null && !previous.is("(") && !previous.is("and") && !previous.is("or")) {
                continue;
            }
            Bound lower = bound(tokens, i, ">=");
            if (lower == null || lower.end() + 1 >= tokens.size() || !tokens.get(lower.end()).is("and")) {
                continue;
            }
            Bound upper = bound(tokens, lower.end() + 1, "<=");
            if (upper == null || !upper.column().equals(lower.column())) {
                continue;
            }
            SqlToken next = upper.end() < tokens.size() ? tokens.get(upper.end()) : null;
            if (next != null && !next.is(")") && !next.is("and") && !next.is("or")) {
                continue;
            }
            List<SqlToken> out = new ArrayList<>(tokens.subList(0, i));
            out.add(lower.column());
            out.add(SqlToken.word("between"));
            out.addAll(lower.value());
            out.add(SqlToken.word("and"));
            out.addAll(upper.value());
            out.addAll(tokens.subList(upper.end(), tokens.size()));
            return rangeToBetween(out);
        }
        return tokens;
    }

    private record Bound(SqlToken column, List<SqlToken> value, int end) {
    }

    /** Matches {@code ( name op value )} at {@code open}; value is a literal or a signed number. */
    private static Bound bound(List<SqlToken> tokens, int open, String operator) {
        if (open + 4 >= tokens.size() || !tokens.get(open).is("(") || !tokens.get(open + 1).isName()
                || !tokens.get(open + 2).is(operator)) {
            return null;
        }
        int valueEnd = primaryEnd(tokens, open + 3);
        if (valueEnd < 0 || valueEnd >= tokens.size() || !tokens.get(valueEnd).is(")")) {
            return null;
        }
        List<SqlToken> value = tokens.subList(open + 3, valueEnd);
        boolean literal = value.stream().allMatch(t -> t.kind() == SqlLexer.Kind.NUMBER
                || t.kind() == SqlLexer.Kind.STRING || t.is("-") || t.is("+"));
        return literal ? new Bound(tokens.get(open + 1), value, valueEnd + 1) : null;
    }
}
