package dev.autogen.generator.project;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.op.AddColumn;
import dev.autogen.op.CreateIndex;
import dev.autogen.op.Operation;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.sql.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 1: the generated {@code downgrade()} carries the hazards of the reverse operations as comments, as
 * {@code upgrade()} does for its own, so a reviewer sees what reverting costs (here: the dropped column's values).
 */
class RevisionWriterHazardsTest {
    @Test
    void bothDirectionsCarryTheirHazardComments() throws Exception {
        List<Operation> plan = List.of(
                new AddColumn("users", Column.of("phone", new ColumnType.Varchar(16), true)),
                new CreateIndex("users", new Index("ix_users_phone", List.of(IndexColumn.asc("phone")), false)));
        Path dir = Files.createTempDirectory("writer-hazards");
        var written = new RevisionWriter().write(dir, "m", List.of(), "abc123", "add phone", null, plan,
                PlanHazards.of(plan, Dialect.POSTGRESQL), List.of(), Dialect.POSTGRESQL);
        String source = Files.readString(written.file());
        assertTrue(source.contains("""
                        schema.addColumn("users", column("phone", varchar(16)).nullable());
                        // hazard BLOCKS_WRITES: builds index ix_users_phone while writes to users wait (SHARE lock)
                        // hazard SCANS_TABLE: reads every row of users to build ix_users_phone
                        schema.createIndex("ix_users_phone", "users", "phone");
                """), source);
        assertTrue(source.contains("""
                        schema.dropIndex("ix_users_phone", "users", "phone");
                        // hazard DATA_LOSS: drops column users.phone and its values
                        // hazard BREAKS_RUNNING_APP: the application still deployed fails on the missing column users.phone
                        schema.dropColumn("users", column("phone", varchar(16)).nullable());
                """), source);
    }
}
