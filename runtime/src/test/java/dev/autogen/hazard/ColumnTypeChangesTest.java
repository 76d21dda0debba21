package dev.autogen.hazard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.schema.ColumnType;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ColumnTypeChangesTest {

    static Stream<Arguments> changes() {
        return Stream.of(
                // shorter text of the same kind
                Arguments.of(new ColumnType.Varchar(20), new ColumnType.Varchar(10), true),
                Arguments.of(new ColumnType.Varchar(10), new ColumnType.Varchar(20), false),
                Arguments.of(new ColumnType.Char(5), new ColumnType.Varchar(3), true),
                // wider integers and unbounded text always fit
                Arguments.of(new ColumnType.IntegerType(), new ColumnType.BigInt(), false),
                Arguments.of(new ColumnType.BigInt(), new ColumnType.IntegerType(), true),
                Arguments.of(new ColumnType.Varchar(10), new ColumnType.Text(), false),
                // a change of kind may not fit, even into a type that a guarded case handles for other sources
                Arguments.of(new ColumnType.Uuid(), new ColumnType.Varchar(36), true),
                Arguments.of(new ColumnType.Text(), new ColumnType.BooleanType(), true),
                Arguments.of(new ColumnType.Timestamp(6, true), new ColumnType.Timestamp(3, true), true),
                // a large object's declared length: shorter (or from none) may not fit, longer or none always fits
                Arguments.of(new ColumnType.LargeObject(true), new ColumnType.LargeObject(true, 255L), true),
                Arguments.of(new ColumnType.LargeObject(false, 1000L), new ColumnType.LargeObject(false, 255L), true),
                Arguments.of(new ColumnType.LargeObject(true, 255L), new ColumnType.LargeObject(true, 100000L), false),
                Arguments.of(new ColumnType.LargeObject(true, 255L), new ColumnType.LargeObject(true), false),
                Arguments.of(new ColumnType.LargeObject(false, 255L), new ColumnType.LargeObject(true, 255L), true),
                // a native enum (MariaDB) keeps its rows' values unless it loses one
                Arguments.of(new ColumnType.Native("enum('A','B')"), new ColumnType.Native("enum('A','B','C')"), false),
                Arguments.of(new ColumnType.Native("enum('A','B','C')"), new ColumnType.Native("enum('A','C')"), true),
                Arguments.of(new ColumnType.Native("enum('A','B')"), new ColumnType.Native("enum('A','X','B')"), false),
                // no change at all
                Arguments.of(new ColumnType.Uuid(), new ColumnType.Uuid(), false));
    }

    @ParameterizedTest
    @MethodSource("changes")
    void flagsChangesAfterWhichValuesMayNotFit(ColumnType from, ColumnType to, boolean narrows) {
        assertEquals(narrows, ColumnTypeChanges.narrows(from, to));
    }
}
