package dev.autogen.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.sql.SqlLexer.Kind;
import dev.autogen.sql.SqlLexer.Quotes;
import dev.autogen.sql.SqlLexer.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

    private static List<String> texts(String sql, Quotes quotes) {
        return SqlLexer.tokenize(sql, quotes).stream().map(Token::text).toList();
    }

    @Test
    void stringsAndQuotedIdentifiersAreSingleTokensWithDoubledQuotesInside() {
        List<Token> tokens = SqlLexer.tokenize("\"a \"\"b\"\"\" = 'it''s, (not)'", Quotes.STANDARD);
        assertEquals(List.of(Kind.QUOTED_IDENTIFIER, Kind.SYMBOL, Kind.STRING),
                tokens.stream().map(Token::kind).toList());
        assertEquals("a \"b\"", tokens.get(0).identifier());
        assertEquals("it's, (not)", tokens.get(2).identifier());
        // offsets cut the original text
        assertEquals(12, tokens.get(2).start());
        assertEquals(26, tokens.get(2).end());
    }

    @Test
    void bracketsAndBackticksQuoteOnlyInSqlite() {
        assertEquals(List.of("[a b]", "=", "`c`"), texts("[a b] = `c`", Quotes.SQLITE));
        assertEquals("a b", SqlLexer.tokenize("[a b]", Quotes.SQLITE).getFirst().identifier());
        // PostgreSQL: array brackets
        assertEquals(List.of("ARRAY", "[", "'a'", ",", "'b'", "]"), texts("ARRAY['a', 'b']", Quotes.STANDARD));
    }

    @Test
    void commentsAreSkippedAndOperatorsKeptWhole() {
        assertEquals(List.of("x", "::", "text", "~~*", "'a%'", "or", "y", "<>", "1.5e3", "||", "0x1F"),
                texts("x::text ~~* 'a%' -- note\n or /* c */ y <> 1.5e3 || 0x1F", Quotes.STANDARD));
    }
}
