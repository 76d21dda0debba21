package dev.autogen.sql.postgres;

import dev.autogen.sql.SqlLexer;
import dev.autogen.sql.SqlLexer.Kind;
import dev.autogen.sql.SqlLexer.Token;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The statements PostgreSQL refuses to run inside a transaction block ({@code CREATE INDEX CONCURRENTLY},
 * {@code DROP INDEX CONCURRENTLY}, {@code REINDEX ... CONCURRENTLY}, {@code ALTER TABLE ... DETACH PARTITION ...
 * CONCURRENTLY}, {@code VACUUM}, {@code CREATE/DROP DATABASE}, {@code CREATE/DROP TABLESPACE}, {@code ALTER SYSTEM}).
 * The renderer marks raw SQL of these kinds non-transactional, so the migrator runs it in autocommit instead of
 * failing with "cannot run inside a transaction block", and an offline script leaves it outside {@code BEGIN}.
 *
 * <p>It also recognises the concurrent index statements by name, because a failed or interrupted
 * {@code CREATE INDEX CONCURRENTLY} leaves an INVALID index behind that the next run has to deal with.
 */
public final class PostgresNonTransactional {
    /** A {@code CREATE INDEX CONCURRENTLY} ({@code create == true}) or {@code DROP INDEX CONCURRENTLY} of one index. */
    public record ConcurrentIndex(boolean create, String schema, String name, boolean ifClause) {
    }

    private PostgresNonTransactional() {
    }

    /** Whether PostgreSQL refuses to run {@code sql} inside a transaction block. */
    public static boolean appliesTo(String sql) {
        List<Token> t = SqlLexer.tokenize(sql, SqlLexer.Quotes.STANDARD);
        if (t.isEmpty()) {
            return false;
        }
        if (t.getFirst().is("vacuum")) {
            return true;
        }
        if (t.size() < 2) {
            return false;
        }
        if ((t.getFirst().is("create") || t.getFirst().is("drop"))
                && (t.get(1).is("database") || t.get(1).is("tablespace"))) {
            return true;
        }
        if (t.getFirst().is("alter") && t.get(1).is("system")) {
            return true;
        }
        int index = t.getFirst().is("create") && t.get(1).is("unique") ? 2 : 1;
        if ((t.getFirst().is("create") || t.getFirst().is("drop")) && index + 1 < t.size() && t.get(index).is("index")
                && t.get(index + 1).is("concurrently")) {
            return true;
        }
        boolean concurrently = t.stream().anyMatch(token -> token.is("concurrently"));
        return concurrently && (t.getFirst().is("reindex") || (t.getFirst().is("alter") && t.get(1).is("table")
                && t.stream().anyMatch(token -> token.is("detach"))));
    }

    /**
     * The index a {@code CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name} or
     * {@code DROP INDEX CONCURRENTLY [IF EXISTS] name} statement names; empty for anything else (and for an unnamed
     * or multi-index statement, which the migrator cannot check).
     */
    public static Optional<ConcurrentIndex> concurrentIndex(String sql) {
        List<Token> t = SqlLexer.tokenize(sql, SqlLexer.Quotes.STANDARD);
        int i = 0;
        boolean create;
        if (at(t, i, "create")) {
            create = true;
            i++;
            if (at(t, i, "unique")) {
                i++;
            }
        } else if (at(t, i, "drop")) {
            create = false;
            i++;
        } else {
            return Optional.empty();
        }
        if (!at(t, i, "index") || !at(t, i + 1, "concurrently")) {
            return Optional.empty();
        }
        i += 2;
        boolean ifClause = false;
        if (create && at(t, i, "if") && at(t, i + 1, "not") && at(t, i + 2, "exists")) {
            ifClause = true;
            i += 3;
        } else if (!create && at(t, i, "if") && at(t, i + 1, "exists")) {
            ifClause = true;
            i += 2;
        }
        if (i >= t.size() || !isName(t.get(i)) || (create && t.get(i).is("on"))) {
            return Optional.empty();
        }
        String schema = null;
        String name = name(t.get(i));
        if (i + 2 < t.size() && t.get(i + 1).is(".") && isName(t.get(i + 2))) {
            schema = name;
            name = name(t.get(i + 2));
            i += 2;
        }
        if (!create && i + 1 < t.size() && t.get(i + 1).is(",")) {
            return Optional.empty();
        }
        return Optional.of(new ConcurrentIndex(create, schema, name, ifClause));
    }

    private static boolean at(List<Token> tokens, int i, String word) {
        return i < tokens.size() && tokens.get(i).is(word);
    }

    private static boolean isName(Token token) {
        return token.kind() == Kind.WORD || token.kind() == Kind.QUOTED_IDENTIFIER;
    }

    /** Unquoted names fold to lower case, as PostgreSQL folds them. */
    private static String name(Token token) {
        return token.kind() == Kind.WORD ? token.text().toLowerCase(Locale.ROOT) : token.identifier();
    }
}
