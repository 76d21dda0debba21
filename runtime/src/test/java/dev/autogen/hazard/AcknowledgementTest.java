package dev.autogen.hazard;

import static dev.autogen.dsl.Dsl.column;
import static dev.autogen.dsl.Dsl.varchar;
import static dev.autogen.hazard.HazardKind.BREAKS_RUNNING_APP;
import static dev.autogen.hazard.HazardKind.DATA_LOSS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migration;
import dev.autogen.migrate.history.MigrationChecksum;
import dev.autogen.sql.Dialect;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Acknowledgements: written after the operation they accept, with a reason; lint lets exactly the acknowledged kinds
 * pass; and they are review metadata, outside the checksum, so adding one to an applied revision keeps validate green.
 */
class AcknowledgementTest {
    private static LoadedMigration migration(String id, Consumer<SchemaChanges> upgrade) {
        return new LoadedMigration(id, List.of(), "drop fax", "m.V0002_DropFax", new Migration() {
            @Override
            public void upgrade(SchemaChanges schema) {
                upgrade.accept(schema);
            }

            @Override
            public void downgrade(SchemaChanges schema) {
                schema.addColumn("users", column("fax", varchar(20)).nullable());
            }
        }, null);
    }

    @Test
    void anAcknowledgementBelongsToTheOperationBeforeIt() {
        SchemaChanges changes = new SchemaChanges()
                .addColumn("users", column("phone", varchar(20)).nullable())
                .dropColumn("users", "fax").acknowledge(DATA_LOSS, "  column unused since 2.3 ");
        assertEquals(List.of(), changes.acknowledgementsOf(0));
        assertEquals(List.of(new Acknowledgement(DATA_LOSS, "column unused since 2.3")), changes.acknowledgementsOf(1));
    }

    @Test
    void aReasonIsRequiredAndAnOperationMustComeFirst() {
        var blank = assertThrows(IllegalArgumentException.class,
                () -> new SchemaChanges().dropColumn("users", "fax").acknowledge(DATA_LOSS, " "));
        assertEquals("acknowledge(DATA_LOSS, reason) needs a reason: say why the hazard is acceptable, e.g. \"column"
                + " unused since 2.3\"", blank.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SchemaChanges().dropColumn("users", "fax")
                .acknowledge(null, "why"));
        assertThrows(IllegalStateException.class, () -> new SchemaChanges().acknowledge(DATA_LOSS, "why"));
    }

    @Test
    void lintReportsWhatIsNotAcknowledgedNorAccepted() {
        LoadedMigration bare = migration("b1", s -> s.dropColumn("users", "fax"));
        assertEquals(List.of(DATA_LOSS, BREAKS_RUNNING_APP), kinds(MigrationLint.of(List.of(bare), Dialect.POSTGRESQL,
                Set.of())));
        LoadedMigration dataLossAccepted = migration("b1", s -> s.dropColumn("users", "fax")
                .acknowledge(DATA_LOSS, "column unused since 2.3"));
        assertEquals(List.of(BREAKS_RUNNING_APP), kinds(MigrationLint.of(List.of(dataLossAccepted),
                Dialect.POSTGRESQL, Set.of())));
        assertEquals(List.of(), kinds(MigrationLint.of(List.of(dataLossAccepted), Dialect.POSTGRESQL,
                Set.of(BREAKS_RUNNING_APP))));
        LintFinding finding = MigrationLint.of(List.of(bare), Dialect.POSTGRESQL, Set.of()).getFirst();
        assertEquals("b1", finding.revision().id());
        assertEquals(0, finding.index());
    }

    @Test
    void addingAnAcknowledgementKeepsTheChecksum() {
        String before = MigrationChecksum.of(migration("b1", s -> s.dropColumn("users", "fax")));
        String after = MigrationChecksum.of(migration("b1", s -> s.dropColumn("users", "fax")
                .acknowledge(DATA_LOSS, "column unused since 2.3")));
        assertEquals(before, after);
    }

    private static List<HazardKind> kinds(List<LintFinding> findings) {
        return findings.stream().map(f -> f.hazard().kind()).toList();
    }
}
