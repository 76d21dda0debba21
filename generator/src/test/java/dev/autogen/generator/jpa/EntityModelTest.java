package dev.autogen.generator.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.autogen.generator.diff.RenameHints;
import dev.autogen.generator.diff.RenameHints.TableColumn;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One command boots Hibernate at most once per dialect: the schema, the provenance and the rename hints all come from
 * the same {@link EntityModel}, and give what the separate readers give.
 */
class EntityModelTest {
    private static final List<Class<?>> HINTED =
            EntityScanner.scan(List.of(), List.of("dev.autogen.generator.rename.hinted"));

    @Test
    void sqliteBootsPostgresOnceForTypesAndSqliteOnceForEverythingElse() {
        Schema expected = HibernateModelReader.read(HINTED, Dialect.SQLITE);
        int postgresBefore = OfflineMetadata.boots(Dialect.POSTGRESQL);
        int sqliteBefore = OfflineMetadata.boots(Dialect.SQLITE);
        try (EntityModel model = EntityModel.of(HINTED, Dialect.SQLITE)) {
            Schema schema = model.schema();
            EntityProvenance provenance = model.provenance();
            RenameHints hints = model.renameHints();
            assertSame(schema, model.schema());
            assertSame(provenance, model.provenance());
            assertSame(hints, model.renameHints());

            assertEquals(expected, schema);
            assertEquals(Optional.of("Client"), provenance.table("client"));
            assertEquals(Map.of("client", List.of("customer")), hints.tables());
            assertEquals(Map.of(new TableColumn("client", "phone"), List.of("phone_no")), hints.columns());
        }
        assertEquals(1, OfflineMetadata.boots(Dialect.POSTGRESQL) - postgresBefore);
        assertEquals(1, OfflineMetadata.boots(Dialect.SQLITE) - sqliteBefore);
    }

    @Test
    void postgresBootsOnceForEverything() {
        Schema expected = HibernateModelReader.read(HINTED, Dialect.POSTGRESQL);
        int postgresBefore = OfflineMetadata.boots(Dialect.POSTGRESQL);
        int sqliteBefore = OfflineMetadata.boots(Dialect.SQLITE);
        try (EntityModel model = EntityModel.of(HINTED, Dialect.POSTGRESQL)) {
            assertEquals(expected, model.schema());
            assertEquals(Optional.of("Client"), model.provenance().table("client"));
            assertEquals(Map.of("client", List.of("customer")), model.renameHints().tables());
        }
        assertEquals(1, OfflineMetadata.boots(Dialect.POSTGRESQL) - postgresBefore);
        assertEquals(0, OfflineMetadata.boots(Dialect.SQLITE) - sqliteBefore);
    }

    @Test
    void buildsNothingUntilAsked() {
        int postgresBefore = OfflineMetadata.boots(Dialect.POSTGRESQL);
        int sqliteBefore = OfflineMetadata.boots(Dialect.SQLITE);
        List<Class<?>> unhinted = EntityScanner.scan(List.of(), List.of("dev.autogen.generator.rename.unhinted"));
        try (EntityModel model = EntityModel.of(unhinted, Dialect.SQLITE)) {
            assertEquals(RenameHints.NONE, model.renameHints());
        }
        assertEquals(0, OfflineMetadata.boots(Dialect.POSTGRESQL) - postgresBefore);
        assertEquals(0, OfflineMetadata.boots(Dialect.SQLITE) - sqliteBefore);
    }
}
