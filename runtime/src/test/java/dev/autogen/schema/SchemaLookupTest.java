package dev.autogen.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link Schema#table} finds every table by name (a binary search over the sorted tables) and nothing else. */
class SchemaLookupTest {

    @Test
    void findsEveryTableAndOnlyThose() {
        List<Table> tables = new ArrayList<>();
        for (String name : List.of("b", "a", "Z", "a_b", "c1", "c", "\"Quoted\"", "zz")) {
            tables.add(Table.of(name, List.of(Column.of("id", new ColumnType.IntegerType(), false))));
        }
        Schema schema = new Schema(tables, List.of());
        for (Table table : tables) {
            assertEquals(Optional.of(table), schema.table(table.name()));
        }
        for (String absent : List.of("", "0", "A", "b_", "zzz", "c0")) {
            assertEquals(Optional.empty(), schema.table(absent));
        }
        assertEquals(Optional.empty(), schema.table(null));
        assertEquals(Optional.empty(), Schema.EMPTY.table("a"));
    }
}
