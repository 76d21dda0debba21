package dev.autogen.generator.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autogen.generator.jpa.namedenum.Subscriber;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.EnumType;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL named enum is modelled on PostgreSQL and refused on MariaDB with one line naming the column and the
 * fix, before any migration is written (MariaDB's native {@code enum(...)} columns are not built yet).
 */
class MariadbNamedEnumRefusalTest {
    @Test
    void postgresqlModelsTheNamedEnum() {
        Schema schema = HibernateModelReader.read(List.of(Subscriber.class), Dialect.POSTGRESQL);

        assertEquals(List.of(new EnumType("plan", List.of("FREE", "PRO"))), schema.enumTypes());
        assertEquals(new ColumnType.Native("plan"), schema.table("subscriber").orElseThrow().column("plan")
                .orElseThrow().type());
    }

    @Test
    void mariadbRefusesItNamingTheColumnAndTheFix() {
        EntityModelException refused = assertThrows(EntityModelException.class,
                () -> HibernateModelReader.read(List.of(Subscriber.class), Dialect.MARIADB));

        assertEquals("column subscriber.plan is a PostgreSQL named enum (plan, @JdbcTypeCode(SqlTypes.NAMED_ENUM)),"
                + " which autogen cannot map on MariaDB yet: use @Enumerated(EnumType.STRING) without @JdbcTypeCode"
                + " there (a varchar with a check constraint)", refused.getMessage());
    }
}
