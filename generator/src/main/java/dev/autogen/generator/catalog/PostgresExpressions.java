package dev.autogen.generator.catalog;

import dev.autogen.schema.ColumnType;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the check and default expressions PostgreSQL prints ({@code pg_get_constraintdef}, {@code pg_get_expr}) back
 * into portable SQL: generated migrations carry these expressions and must run on SQLite as well.
 * {@code CHECK (((status)::text = ANY ((ARRAY['A'::character varying])::text[])))} becomes {@code status in ('A')},
 * {@code 'ACTIVE'::character varying} becomes {@code 'ACTIVE'}, {@code (0)::numeric} becomes {@code 0}; function calls
 * such as {@code now()} stay.
 */
final class PostgresExpressions {
    private static final Pattern NUMBER = Pattern.compile("'-?\\d+(\\.\\d+)?'");

    private PostgresExpressions() {
    }

    /** The expression of a {@code pg_get_constraintdef} check: wrapper and trailing {@code NOT VALID} removed. */
    static String portableCheck(String constraintDefinition) {
        List<SqlToken> tokens = SqlToken.tokenize(constraintDefinition);
        if (tokens.size() >= 3 && tokens.get(0).is("check") && tokens.get(1).is("(")) {
            int close = SqlToken.matching(tokens, 1);
            if (close > 0) {
                tokens = tokens.subList(2, close);
            }
        }
        return SqlToken.render(SqlExpressionRewriter.portable(tokens));
    }

    /**
     * A policy expression as {@code pg_get_expr} prints it, without the parentheses around the whole; null stays
     * null. Unlike checks it keeps PostgreSQL's casts: the portable form drops them, and a policy re-created from it
     * (by a downgrade) would compare {@code uuid} with {@code text}. The differ compares canonical forms anyway.
     */
    static String policyExpression(String expression) {
        if (expression == null) {
            return null;
        }
        String text = expression.strip();
        List<SqlToken> tokens = SqlToken.tokenize(text);
        if (tokens.size() >= 2 && tokens.get(0).is("(") && SqlToken.matching(tokens, 0) == tokens.size() - 1) {
            return text.substring(1, text.length() - 1).strip();
        }
        return text;
    }

    /** A column default; a quoted number PostgreSQL prints for a numeric column ({@code '-1'::integer}) is unquoted. */
    static String portableDefault(String expression, ColumnType type) {
        if (expression == null) {
            return null;
        }
        String portable = SqlToken.render(SqlExpressionRewriter.portable(SqlToken.tokenize(expression)));
        if (numeric(type) && NUMBER.matcher(portable).matches()) {
            return portable.substring(1, portable.length() - 1);
        }
        return portable;
    }

    private static boolean numeric(ColumnType type) {
        return switch (type) {
            case ColumnType.TinyInt t -> true;
            case ColumnType.SmallInt s -> true;
            case ColumnType.IntegerType i -> true;
            case ColumnType.BigInt b -> true;
            case ColumnType.Real r -> true;
            case ColumnType.DoublePrecision d -> true;
            case ColumnType.Numeric n -> true;
            case ColumnType.Varchar v -> false;
            case ColumnType.Char c -> false;
            case ColumnType.Text t -> false;
            case ColumnType.BooleanType b -> false;
            case ColumnType.Date d -> false;
            case ColumnType.Time t -> false;
            case ColumnType.Timestamp t -> false;
            case ColumnType.Uuid u -> false;
            case ColumnType.Json j -> false;
            case ColumnType.Binary b -> false;
            case ColumnType.LargeObject l -> false;
            case ColumnType.Array a -> false;
            case ColumnType.Native n -> false;
        };
    }
}
