package dev.autogen.generator.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.generator.catalog.SqlExpressions;
import dev.autogen.generator.diff.SchemaDiffer;
import dev.autogen.generator.jpa.namedenum.Subscriber;
import dev.autogen.generator.project.OfflineDriftCheck;
import dev.autogen.migrate.SchemaInterpreter;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.EnumType;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL named enum: a type and columns of its name on PostgreSQL, a native {@code enum(...)} column on MariaDB
 * (as Hibernate's MariaDB dialect maps it); the migrations planned on PostgreSQL, replayed for MariaDB, compare equal
 * to the MariaDB model, so {@code check --offline} and {@code -m} see no drift.
 */
class MariadbNamedEnumModelTest {
    @Test
    void postgresqlModelsATypeAndMariadbANativeEnumColumn() {
        Schema postgres = HibernateModelReader.read(List.of(Subscriber.class), Dialect.POSTGRESQL);
        Schema mariadb = HibernateModelReader.read(List.of(Subscriber.class), Dialect.MARIADB);

        assertEquals(List.of(new EnumType("plan", List.of("FREE", "PRO"))), postgres.enumTypes());
        assertEquals(new ColumnType.Native("plan"), type(postgres));
        assertEquals(List.of(), mariadb.enumTypes());
        assertEquals(new ColumnType.Native("enum('FREE','PRO')"), type(mariadb));
    }

    @Test
    void theMigrationsPlannedOnPostgresqlReplayedForMariadbMatchTheMariadbModel() {
        Schema postgres = HibernateModelReader.read(List.of(Subscriber.class), Dialect.POSTGRESQL);
        Schema mariadb = HibernateModelReader.read(List.of(Subscriber.class), Dialect.MARIADB);
        var plan = new SchemaDiffer(Dialect.POSTGRESQL, SqlExpressions::canonical).diff(Schema.EMPTY, postgres);
        Schema replayed = SchemaInterpreter.applyAll(Schema.EMPTY, plan);

        assertEquals(List.of(), new SchemaDiffer(Dialect.MARIADB, SqlExpressions::canonical)
                .diff(OfflineDriftCheck.asOn(replayed, Dialect.MARIADB), mariadb));
    }

    private static ColumnType type(Schema schema) {
        return schema.table("subscriber").orElseThrow().column("plan").orElseThrow().type();
    }
}
