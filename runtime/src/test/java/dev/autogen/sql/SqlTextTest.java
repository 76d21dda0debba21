package dev.autogen.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link SqlText}: a comment stays one line, and a literal read back by the database is exactly the text it was made
 * from, whatever it holds (quotes, backslashes, newlines, tabs, a line separator).
 */
class SqlTextTest {
    private static final List<String> HOSTILE = List.of("plain", "it's", "back\\slash\\'", "two\nlines\r\n",
            "tab\there", "\u2028sep", "'; drop table victim; --", "\u0001\u001f", "");

    @Test
    void aCommentIsOneLineThatNothingEnds() {
        SqlText text = SqlText.of(Dialect.POSTGRESQL);
        assertEquals("a b c d", text.comment("a\nb\r\n\0c\u2028d"));
        assertEquals("x * / y / * z", text.comment("x */ y /* z"));
        assertEquals("drop table victim;", text.comment("\ndrop table victim;\n"));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void aLiteralMeansExactlyItsText(Dialect dialect) throws Exception {
        String url = dialect == Dialect.POSTGRESQL ? TestDatabases.freshPostgres("sql_text")
                : TestDatabases.freshSqlite("sql-text");
        SqlText text = SqlText.of(dialect);
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String value : HOSTILE) {
                try (ResultSet rs = st.executeQuery("select " + text.literal(value))) {
                    rs.next();
                    assertEquals(value, rs.getString(1), () -> "literal " + text.literal(value));
                }
            }
            if (dialect == Dialect.POSTGRESQL) {
                // backslashes mean the same whatever standard_conforming_strings says
                st.execute("set standard_conforming_strings = off");
                try (ResultSet rs = st.executeQuery("select " + text.literal("back\\slash\\'"))) {
                    rs.next();
                    assertEquals("back\\slash\\'", rs.getString(1));
                }
            }
        }
    }
}
