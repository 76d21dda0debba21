package dev.autogen.sql.sqlite;

import dev.autogen.sql.SqlLexer;
import dev.autogen.sql.SqlLexer.Token;
import dev.autogen.sql.sqlite.SqliteCreateTableConstraint.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the constraints (with their names) out of the {@code CREATE TABLE} text SQLite keeps in
 * {@code sqlite_schema.sql}. Token-based, so quoted identifiers ({@code "x"}, {@code `x`}, {@code [x]}), string
 * literals and nested parentheses never confuse it; anything it does not understand in a column definition
 * (types, defaults, collations, generated expressions) is skipped.
 */
public final class SqliteCreateTableParser {

    /** What the parser found: the constraints in declaration order, and whether the table is {@code WITHOUT ROWID}. */
    public record Definition(List<SqliteCreateTableConstraint> constraints, boolean withoutRowid) {
        public Definition {
            constraints = List.copyOf(constraints);
        }
    }

    private SqliteCreateTableParser() {
    }

    public static Definition parse(String createTableSql) {
        List<Token> tokens = SqlLexer.tokenize(createTableSql, SqlLexer.Quotes.SQLITE);
        int open = 0;
        while (open < tokens.size() && !tokens.get(open).is("(")) {
            open++;
        }
        if (open == tokens.size()) {
            return new Definition(List.of(), false); // CREATE TABLE ... AS SELECT: no constraints
        }
        int close = matching(tokens, open);
        List<SqliteCreateTableConstraint> constraints = new ArrayList<>();
        int start = open + 1;
        int depth = 0;
        for (int i = open + 1; i <= close; i++) {
            Token t = tokens.get(i);
            if (t.is("(")) {
                depth++;
            } else if (t.is(")") && i < close) {
                depth--;
            } else if ((t.is(",") && depth == 0) || i == close) {
                List<Token> definition = tokens.subList(start, i);
                if (!definition.isEmpty()) {
                    readDefinition(createTableSql, definition, constraints);
                }
                start = i + 1;
            }
        }
        boolean withoutRowid = false;
        for (int i = close + 1; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).is("without") && tokens.get(i + 1).is("rowid")) {
                withoutRowid = true;
            }
        }
        return new Definition(constraints, withoutRowid);
    }

    private static void readDefinition(String sql, List<Token> def, List<SqliteCreateTableConstraint> out) {
        Token first = def.get(0);
        boolean tableConstraint = first.kind() == SqlLexer.Kind.WORD
                && (first.is("constraint") || first.is("primary") || first.is("unique") || first.is("check")
                || first.is("foreign"));
        if (tableConstraint) {
            readTableConstraint(sql, def, out);
        } else {
            readColumnConstraints(sql, def, out);
        }
    }

    private static void readTableConstraint(String sql, List<Token> def, List<SqliteCreateTableConstraint> out) {
        int i = 0;
        String name = null;
        if (def.get(0).is("constraint") && def.size() > 1) {
            name = def.get(1).identifier();
            i = 2;
        }
        if (i >= def.size()) {
            return;
        }
        Token keyword = def.get(i);
        int open = nextOpen(def, i);
        if (open < 0) {
            return;
        }
        int close = matching(def, open);
        if (keyword.is("check")) {
            out.add(new SqliteCreateTableConstraint(Kind.CHECK, name, List.of(), between(sql, def, open, close), false));
            return;
        }
        Kind kind = keyword.is("primary") ? Kind.PRIMARY_KEY : keyword.is("unique") ? Kind.UNIQUE
                : keyword.is("foreign") ? Kind.FOREIGN_KEY : null;
        if (kind != null) {
            out.add(new SqliteCreateTableConstraint(kind, name, columnList(def, open, close), null, false));
        }
    }

    private static void readColumnConstraints(String sql, List<Token> def, List<SqliteCreateTableConstraint> out) {
        String column = def.get(0).identifier();
        String pendingName = null;
        int i = 1;
        while (i < def.size()) {
            Token t = def.get(i);
            if (t.is("(")) {
                i = matching(def, i) + 1; // a type's length, a default or generated expression: not a constraint
                continue;
            }
            if (t.kind() != SqlLexer.Kind.WORD) {
                i++;
                continue;
            }
            if (t.is("constraint") && i + 1 < def.size()) {
                pendingName = def.get(i + 1).identifier();
                i += 2;
                continue;
            }
            if (t.is("check") && i + 1 < def.size() && def.get(i + 1).is("(")) {
                int close = matching(def, i + 1);
                out.add(new SqliteCreateTableConstraint(Kind.CHECK, pendingName, List.of(column),
                        between(sql, def, i + 1, close), true));
                pendingName = null;
                i = close + 1;
                continue;
            }
            Kind kind = t.is("primary") ? Kind.PRIMARY_KEY : t.is("unique") ? Kind.UNIQUE
                    : t.is("references") ? Kind.FOREIGN_KEY : null;
            if (kind != null) {
                out.add(new SqliteCreateTableConstraint(kind, pendingName, List.of(column), null, true));
                pendingName = null;
            } else if (t.is("not") || t.is("null") || t.is("default") || t.is("collate") || t.is("generated")) {
                pendingName = null;
            }
            i++;
        }
    }

    private static int nextOpen(List<Token> tokens, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).is("(")) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the parenthesis closing the one at {@code open} (the last token when unbalanced). */
    static int matching(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).is("(")) {
                depth++;
            } else if (tokens.get(i).is(")") && --depth == 0) {
                return i;
            }
        }
        return tokens.size() - 1;
    }

    private static List<String> columnList(List<Token> tokens, int open, int close) {
        List<String> columns = new ArrayList<>();
        boolean expectName = true;
        for (int i = open + 1; i < close; i++) {
            Token t = tokens.get(i);
            if (t.is(",")) {
                expectName = true;
            } else if (expectName) {
                columns.add(t.identifier());
                expectName = false;
            }
        }
        return columns;
    }

    private static String between(String sql, List<Token> tokens, int open, int close) {
        if (close <= open + 1) {
            return "";
        }
        return withoutOuterParentheses(sql.substring(tokens.get(open + 1).start(), tokens.get(close - 1).end()));
    }

    /** {@code ((a in (1,2)))} → {@code a in (1,2)}; leaves {@code (a) or (b)} alone. */
    public static String withoutOuterParentheses(String expression) {
        String current = expression.strip();
        while (true) {
            List<Token> tokens = SqlLexer.tokenize(current, SqlLexer.Quotes.SQLITE);
            if (tokens.size() < 2 || !tokens.get(0).is("(") || matching(tokens, 0) != tokens.size() - 1) {
                return current;
            }
            current = current.substring(tokens.get(0).end(), tokens.get(tokens.size() - 1).start()).strip();
        }
    }
}
