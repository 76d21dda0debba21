package dev.autogen.sql.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.schema.ColumnType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Large objects on MariaDB take the type Hibernate 7.4's MariaDB dialect gives their declared length. */
class MariadbTypesTest {

    @ParameterizedTest(name = "{0} bytes, character {1}: {2}")
    @CsvSource({
            // @Column's default length
            "255, true, tinytext",
            "255, false, tinyblob",
            // one byte past each limit takes the next size
            "256, true, text",
            "65535, false, blob",
            "65536, true, mediumtext",
            "16777215, false, mediumblob",
            "16777216, true, longtext",
            // Hibernate's default LOB length on MariaDB
            "2147483647, false, longblob",
    })
    void aDeclaredLengthPicksTheSmallestTypeThatHoldsIt(long length, boolean character, String expected) {
        assertEquals(expected, MariadbTypes.sql(new ColumnType.LargeObject(character, length)));
    }

    @ParameterizedTest(name = "character {0}: {1}")
    @CsvSource({"true, longtext", "false, longblob"})
    void noDeclaredLengthIsTheLongestType(boolean character, String expected) {
        assertEquals(expected, MariadbTypes.sql(new ColumnType.LargeObject(character)));
    }
}
