package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.hazard.Hazards;
import dev.autogen.sql.Dialect;
import org.junit.jupiter.api.Test;

/** Hazards in JSON: an informational one (MariaDB's implicit commit) says so, so a tool can leave it out of a gate. */
class PlanJsonHazardsTest {
    @Test
    void anInformationalHazardIsMarkedAndTheOthersAreAsBefore() {
        var dropIndex = new SchemaChanges().dropIndex("ix_users_name", "users").operations().getFirst();
        assertEquals("[{\"kind\":\"NOT_TRANSACTIONAL\",\"table\":\"users\",\"why\":\"MariaDB commits this statement on"
                + " its own: a failure later in the revision leaves it applied (the statement journal lets upgrade"
                + " resume and downgrade revert)\",\"alternative\":null,\"informational\":true}]",
                PlanJson.hazards(Hazards.of(dropIndex, Dialect.MARIADB)));
        var dropColumn = new SchemaChanges().dropColumn("users", "phone").operations().getFirst();
        assertEquals("{\"kind\":\"DATA_LOSS\",\"table\":\"users\",\"why\":\"drops column users.phone and its values\","
                + "\"alternative\":\"stop writing it first and drop it in a later revision\"}",
                PlanJson.hazards(Hazards.of(dropColumn, Dialect.POSTGRESQL)).split(",(?=\\{)")[0].substring(1));
    }
}
