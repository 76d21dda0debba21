package dev.autogen.generator.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.schema.ColumnType;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeclaredTypesTest {

    static Stream<Arguments> declarations() {
        return Stream.of(
                Arguments.of("text", new ColumnType.Text()),                            // the usual columnDefinition
                Arguments.of("TEXT", new ColumnType.Text()),                            // case does not matter
                Arguments.of("varchar(40)", new ColumnType.Varchar(40)),
                Arguments.of("character varying(40)", new ColumnType.Varchar(40)),      // format_type spelling
                Arguments.of("char(2)", new ColumnType.Char(2)),
                Arguments.of("numeric(10,2)", new ColumnType.Numeric(10, 2)),
                Arguments.of("numeric(21)", new ColumnType.Numeric(21, 0)),
                Arguments.of("numeric", new ColumnType.Numeric(null, null)),
                Arguments.of("float(53)", new ColumnType.DoublePrecision()),            // Hibernate's double
                Arguments.of("float4", new ColumnType.Real()),                          // Hibernate's float
                Arguments.of("timestamp(3) with time zone", new ColumnType.Timestamp(3, true)),
                Arguments.of("timestamp(6)", new ColumnType.Timestamp(6, false)),
                Arguments.of("timestamptz", new ColumnType.Timestamp(null, true)),
                Arguments.of("time(0)", new ColumnType.Time(0, false)),
                Arguments.of("jsonb", new ColumnType.Json(true)),
                Arguments.of("uuid", new ColumnType.Uuid()),
                Arguments.of("bytea", new ColumnType.Binary()),
                Arguments.of("integer(10)", new ColumnType.Native("integer(10)")),      // sized integer: not modelled
                Arguments.of("varchar(20) not null", new ColumnType.Native("varchar(20) not null")),
                Arguments.of("inet", new ColumnType.Native("inet")),
                Arguments.of("CustomerTier", new ColumnType.Native("CustomerTier")));   // a named enum type
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("declarations")
    void parsesKnownTypesAndKeepsTheRestVerbatim(String declared, ColumnType expected) {
        assertEquals(expected, DeclaredTypes.parse(declared));
    }
}
