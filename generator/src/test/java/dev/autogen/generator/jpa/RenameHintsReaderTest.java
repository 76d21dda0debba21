package dev.autogen.generator.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.generator.diff.RenameHints;
import dev.autogen.generator.diff.RenameHints.TableColumn;
import dev.autogen.sql.Dialect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code @RenamedFrom} read against Hibernate's names: the new names are the mapped ones, the old ones folded. */
class RenameHintsReaderTest {

    @Test
    void readsTableAndColumnHintsByTheirMappedNames() {
        List<Class<?>> classes = EntityScanner.scan(List.of(), List.of("dev.autogen.generator.rename.hinted"));
        RenameHints hints = RenameHintsReader.read(classes, Dialect.SQLITE);
        assertEquals(Map.of("client", List.of("customer")), hints.tables());
        assertEquals(Map.of(new TableColumn("client", "phone"), List.of("phone_no")), hints.columns());
    }

    @Test
    void noAnnotationMeansNoHints() {
        List<Class<?>> classes = EntityScanner.scan(List.of(), List.of("dev.autogen.generator.rename.unhinted"));
        assertEquals(RenameHints.NONE, RenameHintsReader.read(classes, Dialect.POSTGRESQL));
    }
}
