package dev.autogen.generator.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.autogen.schema.ColumnType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlExpressionsTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // HIBERNATE7.md: enum STRING check, Hibernate form vs PostgreSQL's stored form
        "status in ('ACTIVE','SUSPENDED','CLOSED') | ((status)::text = ANY ((ARRAY['ACTIVE'::character varying, 'SUSPENDED'::character varying, 'CLOSED'::character varying])::text[]))",
        // ORDINAL enum check: between is rewritten to two comparisons
        "tier between 0 and 2 | ((tier >= 0) AND (tier <= 2))",
        // discriminator check, already in portable form on the catalog side
        "kind in ('PHYSICAL','DIGITAL') | kind in ('PHYSICAL','DIGITAL')",
        // table check: cast added to the literal
        "credit_limit >= 0 | (credit_limit >= (0)::numeric)",
        // default: cast added to the literal
        "'ACTIVE' | 'ACTIVE'::character varying",
        // Hibernate's SQLite DDL doubles the parentheses
        "((status in ('A','B'))) | status IN ( 'A' , 'B' )",
        // spacing, case of keywords and quoting that is not needed
        "\"amount\">0 AND \"Amount\" < 10 | amount > 0 and \"Amount\"<10",
        "a != b | a <> b",
        "now() | NOW( )",
        "x > -1 | (x > (-1))",
        // redundant outer parentheses, spacing and case (the cases of the former lexical canonicaliser)
        "'A' | \"  ( 'A' )  \"",
        "CREDIT_LIMIT   >=   0 | credit_limit >= 0",
        "((a) + (b)) | (a) + (b)",
        "lower(X) = ')' | LOWER( x )=')'",
        // a one-value list: PostgreSQL stores it as a comparison (one discriminator value, a one-constant enum)
        "kind in ('CAR') | ((kind)::text = 'CAR'::text)",
        "kind not in ('CAR') | ((kind)::text <> 'CAR'::text)",
        "tier in (-1) | tier = -1",
        // PostgreSQL parenthesises the operands of AND and OR
        "price > 0 and price < 100000 | ((price > (0)::numeric) AND (price < (100000)::numeric))",
        "discount is null or discount <= price | ((discount IS NULL) OR (discount <= price))",
        "(a = 1 or b = 2) and c = 3 | (((a = 1) OR (b = 2)) AND (c = 3))",
    })
    void equalMeaningHasEqualCanonicalForm(String entity, String catalog) {
        assertEquals(SqlExpressions.canonical(entity), SqlExpressions.canonical(catalog));
    }

    @ParameterizedTest(name = "{0} !~ {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "status in ('A','B') | status in ('a','b')",
        "\"Amount\" > 0 | amount > 0",
        "(a or b) and c | a or b and c",
        "tier between 0 and 2 | tier between 0 and 3",
        // text inside quotes is kept exactly, spacing and doubled quotes included
        "'It''s  Here' | 'It''s Here'",
        "'a)' = ('b') | 'a' = (')b')",
        "kind in ('CAR') | kind <> 'CAR'",
        "kind in (other) | kind = other",
        "(a = 1 or b = 2) and c = 3 | a = 1 or b = 2 and c = 3",
    })
    void differentMeaningHasDifferentCanonicalForm(String left, String right) {
        assertNotEquals(SqlExpressions.canonical(left), SqlExpressions.canonical(right));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "CHECK (((status)::text = ANY ((ARRAY['ACTIVE'::character varying, 'PAUSED'::character varying])::text[]))) | status in ('ACTIVE','PAUSED')",
        "CHECK (((tier >= 0) AND (tier <= 2))) | tier between 0 and 2",
        "CHECK ((credit_limit >= (0)::numeric)) | credit_limit >= 0",
        "CHECK (((kind)::text <> ALL ((ARRAY['X'::character varying])::text[]))) NOT VALID | kind not in ('X')",
        "CHECK (((a > 0) OR (b IS NULL))) | (a > 0) or (b is null)",
        "CHECK ((char_length((name)::text) > 2)) | char_length(name) > 2",
        "CHECK (((code)::text ~~ 'A%'::text)) | code like 'A%'",
        "CHECK (((code)::text !~~ 'B%'::text)) | code not like 'B%'",
    })
    void checksComeBackInPortableForm(String constraintDefinition, String portable) {
        assertEquals(portable, PostgresExpressions.portableCheck(constraintDefinition));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'ACTIVE'::character varying | 'ACTIVE'",
        "(0)::numeric | 0",
        "'-1'::integer | -1",
        "now() | now()",
        "gen_random_uuid() | gen_random_uuid()",
        "CURRENT_TIMESTAMP | current_timestamp",
        "'2020-01-01 00:00:00'::timestamp without time zone | '2020-01-01 00:00:00'",
        "'{}'::jsonb | '{}'",
        "true | true",
    })
    void defaultsComeBackInPortableForm(String printed, String portable) {
        assertEquals(portable, PostgresExpressions.portableDefault(printed, new ColumnType.IntegerType()));
    }
}
