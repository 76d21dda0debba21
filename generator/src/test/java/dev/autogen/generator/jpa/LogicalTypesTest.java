package dev.autogen.generator.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.schema.ColumnType;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.Dialect;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Java mappings → logical types, the same whichever database the entities are read for. */
class LogicalTypesTest {

    static final String TYPES = "dev.autogen.generator.jpa.fixtures.types";

    @Test
    void everyMappingOfTheTypeTableHasItsLogicalType() {
        Table zoo = HibernateModelReader.read(List.of(), List.of(TYPES), Dialect.POSTGRESQL).table("type_zoo")
                .orElseThrow();
        Map<String, ColumnType> types = new TreeMap<>();
        zoo.columns().forEach(c -> types.put(c.name(), c.type()));

        Map<String, ColumnType> expected = new TreeMap<>();
        expected.put("id", new ColumnType.BigInt());
        expected.put("c_bigdecimal_10_3", new ColumnType.Numeric(10, 3));
        expected.put("c_bigdecimal_default", new ColumnType.Numeric(38, 2));
        expected.put("c_biginteger", new ColumnType.Numeric(38, 0));
        expected.put("c_boolean", new ColumnType.BooleanType());
        expected.put("c_byte", new ColumnType.TinyInt());                    // smallint on PostgreSQL
        expected.put("c_bytes", new ColumnType.Binary());
        expected.put("c_char", new ColumnType.Char(1));
        expected.put("c_double", new ColumnType.DoublePrecision());          // float(53)
        expected.put("c_duration", new ColumnType.Numeric(21, 0));
        expected.put("c_enum_ordinal", new ColumnType.TinyInt());
        expected.put("c_float", new ColumnType.Real());                      // float4
        expected.put("c_instant", new ColumnType.Timestamp(6, true));
        expected.put("c_instant_p3", new ColumnType.Timestamp(3, true));
        expected.put("c_int", new ColumnType.IntegerType());
        expected.put("c_int_list", new ColumnType.Array(new ColumnType.IntegerType()));
        expected.put("c_json_string", new ColumnType.Json(true));
        expected.put("c_localdate", new ColumnType.Date());
        expected.put("c_localdatetime", new ColumnType.Timestamp(6, false));
        expected.put("c_localtime", new ColumnType.Time(0, false));
        expected.put("c_long32varchar", new ColumnType.Text());
        expected.put("c_long_obj", new ColumnType.BigInt());
        expected.put("c_offsetdatetime", new ColumnType.Timestamp(6, true));
        expected.put("c_offsettime", new ColumnType.Time(0, false));          // Hibernate writes time(0), no zone
        expected.put("c_short", new ColumnType.SmallInt());
        expected.put("c_string_100k", new ColumnType.Varchar(100_000));
        expected.put("c_string_array", new ColumnType.Array(new ColumnType.Varchar(255)));
        expected.put("c_uuid", new ColumnType.Uuid());
        expected.put("c_uuid_as_char", new ColumnType.Char(36));
        expected.put("c_year", new ColumnType.IntegerType());
        expected.put("c_zoneddatetime", new ColumnType.Timestamp(6, true));
        assertEquals(expected, types);
    }

    @Test
    void theSqliteDialectCollapsesTypesButTheLogicalTypesAreTheSame() {
        Schema postgres = HibernateModelReader.read(List.of(), List.of(TYPES), Dialect.POSTGRESQL);
        Schema sqlite = HibernateModelReader.read(List.of(), List.of(TYPES), Dialect.SQLITE);

        assertEquals(postgres, sqlite);
    }
}
