package dev.autogen.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The values a check lists for a column, in the spellings Hibernate writes and PostgreSQL and SQLite give back. */
class CheckListsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // as Hibernate writes an enum check, and as SQLite keeps it
        "status in ('DRAFT','ACTIVE')                                              | status | DRAFT,ACTIVE",
        // as PostgreSQL rewrites it
        "((status)::text = ANY ((ARRAY['DRAFT'::character varying, 'ACTIVE'::character varying])::text[])) | status | DRAFT,ACTIVE",
        // an ordinal enum
        "kind between 0 and 2                                                      | kind   | 0",
        // a check on another column lists nothing for this one
        "status in ('DRAFT','ACTIVE')                                              | state  | ''",
        // a check the kit does not solve
        "length(title) > 3                                                         | title  | ''",
    })
    void listsTheValuesOfOneColumn(String expression, String column, String expected) {
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(",")),
                CheckLists.allowed(expression, column));
    }
}
