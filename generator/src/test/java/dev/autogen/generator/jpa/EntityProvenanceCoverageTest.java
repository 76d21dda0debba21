package dev.autogen.generator.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.schema.Column;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On models nobody here wrote (Hibernate's own test domain models), every table and every column the entity schema
 * holds has a provenance: {@code autogen diff} never explains an operation with "entities" alone. ({@code retail}
 * needs {@code javax.money}, which the test classpath leaves out.)
 */
class EntityProvenanceCoverageTest {

    @ParameterizedTest
    @ValueSource(strings = {"animal", "contacts", "gambit", "helpdesk", "dev.autogen.sample"})
    void everyTableAndColumnHasAProvenance(String model) {
        String pkg = model.contains(".") ? model : "org.hibernate.testing.orm.domain." + model;
        List<Class<?>> classes = EntityScanner.scan(List.of(), List.of(pkg));
        Schema schema = HibernateModelReader.read(classes, Dialect.POSTGRESQL);
        EntityProvenance provenance = EntityProvenance.of(classes, Dialect.POSTGRESQL);
        List<String> missing = new ArrayList<>();
        for (Table table : schema.tables()) {
            if (provenance.table(table.name()).isEmpty()) {
                missing.add(table.name());
            }
            for (Column column : table.columns()) {
                if (provenance.column(table.name(), column.name()).isEmpty()) {
                    missing.add(table.name() + "." + column.name());
                }
            }
        }
        assertEquals(List.of(), missing);
    }
}
