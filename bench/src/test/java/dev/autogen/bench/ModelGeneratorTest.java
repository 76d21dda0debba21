package dev.autogen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.jpa.HibernateModelReader;
import dev.autogen.migrate.discovery.JavaSourceCompiler;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.Dialect;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ModelGeneratorTest {

    @Test
    void sameSizeGivesTheSameSourcesAndASmallerModelIsAPrefix() {
        Map<String, String> sixty = new ModelGenerator(60, false).sources();
        assertEquals(sixty, new ModelGenerator(60, false).sources());
        Map<String, String> hundred = new ModelGenerator(100, false).sources();
        sixty.forEach((file, text) -> assertEquals(text, hundred.get(file), file));
    }

    @Test
    void theChangedModelAddsOneColumnToTheMiddleEntity() {
        Map<String, String> plain = new ModelGenerator(40, false).sources();
        Map<String, String> changed = new ModelGenerator(40, true).sources();
        Set<String> differing = new TreeSet<>();
        plain.forEach((file, text) -> {
            if (!text.equals(changed.get(file))) {
                differing.add(file);
            }
        });
        assertEquals(Set.of("bench/model/Entity0020.java"), differing);
        assertTrue(changed.get("bench/model/Entity0020.java").contains("\"bench_note\""));
    }

    @Test
    void theModelHasTheShapeIssue6AsksFor() {
        JavaSourceCompiler.CompiledClasses compiled = new JavaSourceCompiler().compileSources(
                new ModelGenerator(30, false).sources());
        List<Class<?>> classes = compiled.classNames().stream().sorted().<Class<?>>map(compiled::load).toList();
        Schema schema = HibernateModelReader.read(classes, Dialect.POSTGRESQL);

        // 30 entity tables and the join tables of entities 9, 19 and 29
        assertEquals(33, schema.tables().size());
        assertEquals(List.of("entity_0009_links", "entity_0019_links", "entity_0029_links"),
                schema.tables().stream().map(Table::name).filter(n -> n.endsWith("_links")).toList());
        for (int i = 0; i < 30; i++) {
            Table table = schema.table(ModelGenerator.tableName(i)).orElseThrow();
            int columns = table.columns().size();
            assertTrue(columns >= 10 && columns <= 25, table.name() + " has " + columns + " columns");
            int foreignKeys = table.foreignKeys().size();
            assertTrue(i == 0 ? foreignKeys == 0 : foreignKeys >= 1 && foreignKeys <= 3,
                    table.name() + " has " + foreignKeys + " foreign keys");
            assertTrue(table.foreignKeys().stream().allMatch(fk -> fk.referencedTable().compareTo(table.name()) < 0),
                    table.name() + " references a later table");
            assertTrue(!table.indexes().isEmpty(), table.name() + " has no index");
            assertEquals(i % 3 == 0, !table.uniqueConstraints().isEmpty(), table.name() + " unique constraints");
            assertEquals(i % 5 == 4, table.columns().stream().anyMatch(c -> c.type() instanceof ColumnType.Json),
                    table.name() + " JSON column");
        }
    }
}
