package dev.autogen.sql.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.sql.sqlite.SqliteCreateTableConstraint.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteCreateTableParserTest {

    @Test
    void quotedNamesStringsAndNestedParenthesesDoNotConfuseIt() {
        SqliteCreateTableParser.Definition definition = SqliteCreateTableParser.parse(
                "CREATE TABLE \"we\"\"ird\" (\n"
                        + "  [a,b] varchar(10) default 'x, y)' constraint `ck a` check (\"a,b\" <> ',)'),\n"
                        + "  c numeric(10, 2) default (abs(-1)) not null constraint c_ref references other (id),\n"
                        + "  -- a comment, with a comma (and a parenthesis\n"
                        + "  CONSTRAINT \"pk\" PRIMARY KEY ([a,b], c),\n"
                        + "  check ((c > 0) and (c < 10)), unique (c collate nocase desc)\n"
                        + ") without rowid");
        assertEquals(List.of(
                new SqliteCreateTableConstraint(Kind.CHECK, "ck a", List.of("a,b"), "\"a,b\" <> ',)'", true),
                new SqliteCreateTableConstraint(Kind.FOREIGN_KEY, "c_ref", List.of("c"), null, true),
                new SqliteCreateTableConstraint(Kind.PRIMARY_KEY, "pk", List.of("a,b", "c"), null, false),
                new SqliteCreateTableConstraint(Kind.CHECK, null, List.of(), "(c > 0) and (c < 10)", false),
                new SqliteCreateTableConstraint(Kind.UNIQUE, null, List.of("c"), null, false)),
                definition.constraints());
        assertTrue(definition.withoutRowid());
    }

    @Test
    void aNameIsOnlyKeptForTheConstraintItIsWrittenBefore() {
        SqliteCreateTableParser.Definition definition = SqliteCreateTableParser.parse(
                "create table t (x integer constraint nn not null unique check (x > 0))");
        assertEquals(List.of(
                new SqliteCreateTableConstraint(Kind.UNIQUE, null, List.of("x"), null, true),
                new SqliteCreateTableConstraint(Kind.CHECK, null, List.of("x"), "x > 0", true)),
                definition.constraints());
        assertFalse(definition.withoutRowid());
    }

    @Test
    void outerParenthesesAreRemovedOnlyWhenTheyWrapTheWholeExpression() {
        assertEquals("a in (1,2)", SqliteCreateTableParser.withoutOuterParentheses("((a in (1,2)))"));
        assertEquals("(a) or (b)", SqliteCreateTableParser.withoutOuterParentheses("(a) or (b)"));
        assertEquals("')('", SqliteCreateTableParser.withoutOuterParentheses("(')(')"));
    }
}
