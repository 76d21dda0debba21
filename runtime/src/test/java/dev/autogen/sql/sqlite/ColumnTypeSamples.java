package dev.autogen.sql.sqlite;

import dev.autogen.schema.ColumnType;
import java.util.List;

/** One or more values of every {@link ColumnType} variant, for round-trip properties. */
final class ColumnTypeSamples {
    static final List<ColumnType> ALL = List.of(
            new ColumnType.Varchar(255), new ColumnType.Char(2), new ColumnType.Text(), new ColumnType.TinyInt(),
            new ColumnType.SmallInt(), new ColumnType.IntegerType(), new ColumnType.BigInt(), new ColumnType.Real(),
            new ColumnType.DoublePrecision(), new ColumnType.Numeric(null, null), new ColumnType.Numeric(38, 2),
            new ColumnType.Numeric(10, null), new ColumnType.BooleanType(), new ColumnType.Date(),
            new ColumnType.Time(null, false), new ColumnType.Time(0, false), new ColumnType.Time(3, true),
            new ColumnType.Timestamp(null, false), new ColumnType.Timestamp(6, true), new ColumnType.Timestamp(3, false),
            new ColumnType.Uuid(), new ColumnType.Json(false), new ColumnType.Json(true), new ColumnType.Binary(),
            new ColumnType.LargeObject(false), new ColumnType.LargeObject(true),
            new ColumnType.Array(new ColumnType.IntegerType()), new ColumnType.Native("datetime"));

    private ColumnTypeSamples() {
    }
}
