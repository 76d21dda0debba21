package dev.autogen.generator.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.sql.mariadb.MariadbTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every text and blob type MariaDB reports reads back as a logical type that renders to the same spelling: the
 * comparison is in the rendered form, so a round trip that changed the spelling would be a false difference (and a
 * reverse operation would restore a different type).
 */
class MariadbTypeParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"tinytext", "text", "mediumtext", "longtext", "tinyblob", "blob", "mediumblob", "longblob"})
    void aTextOrBlobTypeRendersBackAsItIsSpelled(String columnType) {
        assertEquals(columnType, MariadbTypes.sql(MariadbTypeParser.parse(columnType)));
    }
}
