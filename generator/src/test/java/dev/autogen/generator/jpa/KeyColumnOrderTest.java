package dev.autogen.generator.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.generator.catalog.CatalogReader;
import dev.autogen.generator.testing.HibernateOracle;
import dev.autogen.schema.Column;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Before it writes DDL, Hibernate orders the columns of composite primary keys with its column ordering strategy
 * (smaller types first, then by name), so a map's key column can come before the owner's id, as in Hibernate's own
 * gambit test model. Reading the key in binding order made the catalog differ from Hibernate's own export, and a
 * database Hibernate created would have been told to drop and re-add its primary key.
 */
class KeyColumnOrderTest {

    @Entity(name = "pet") // Hibernate sorts names case-sensitively: "aliases_KEY" comes before "pet_id", not "Pet_id"
    static class Pet {
        @Id
        Integer id;

        @ElementCollection
        Map<Integer, String> aliases;
    }

    @Test
    void aCompositeKeyHasTheColumnOrderOfHibernatesOwnExport() throws Exception {
        Table aliases = HibernateModelReader.read(List.of(Pet.class), Dialect.SQLITE).table("pet_aliases").orElseThrow();
        assertEquals(List.of("aliases_key", "pet_id"), aliases.primaryKey().columns());
        assertEquals(List.of("pet_id", "aliases_key", "aliases"), aliases.columns().stream().map(Column::name).toList(),
                "the table's columns keep their binding order (column order is not compared)");
        assertEquals(aliases.primaryKey(),
                HibernateModelReader.read(List.of(Pet.class), Dialect.POSTGRESQL).table("pet_aliases").orElseThrow()
                        .primaryKey());

        String url = TestDatabases.freshSqlite("key-column-order");
        HibernateOracle.export(List.of(Pet.class), url, Dialect.SQLITE);
        try (Connection connection = DriverManager.getConnection(url)) {
            Schema exported = CatalogReader.forDialect(Dialect.SQLITE).read(connection, null);
            // SQLite keeps an unquoted name as Hibernate wrote it (aliases_KEY)
            assertEquals(aliases.primaryKey().columns(), exported.table("pet_aliases").orElseThrow().primaryKey()
                    .columns().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList());
        }
    }
}
