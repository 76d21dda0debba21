package dev.autogen.spring.actuate;

import dev.autogen.migrate.history.IntegrityProblem;
import dev.autogen.migrate.history.RevisionStatus;
import dev.autogen.spring.ApplicationMigrations;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/autogen}: the revisions the application ships and, for its database (or each tenant schema), which
 * are applied and when, which are pending, and whether each applied one still matches the checksum recorded when it
 * ran. It reads the version tables live on each call, so it shows what other instances applied too.
 */
@Endpoint(id = "autogen")
public class AutogenEndpoint {
    private final ApplicationMigrations migrations;

    public AutogenEndpoint(ApplicationMigrations migrations) {
        this.migrations = migrations;
    }

    @ReadOperation
    public AutogenDescriptor revisions() {
        List<SchemaDescriptor> schemas = migrations.status().stream().map(s -> new SchemaDescriptor(s.schema(),
                s.status().current(), s.status().revisions().stream().map(AutogenEndpoint::describe).toList(),
                s.status().problems().stream().map(IntegrityProblem::message).toList())).toList();
        return new AutogenDescriptor(migrations.properties().migrationsPackage(), migrations.properties().target(),
                schemas);
    }

    private static RevisionDescriptor describe(RevisionStatus r) {
        return new RevisionDescriptor(r.id(), r.message(), r.parents(), r.applied() ? "applied" : "pending",
                r.appliedAt(), r.appliedBy(), switch (r.checksum()) {
                    case MATCHES -> Boolean.TRUE;
                    case EDITED -> Boolean.FALSE;
                    case NOT_RECORDED, PENDING -> null;
                });
    }

    /**
     * The endpoint's answer.
     *
     * @param migrationsPackage where the migrations were found
     * @param target            what start-up upgrades to
     * @param schemas           one entry for the database, or one per tenant schema
     */
    public record AutogenDescriptor(String migrationsPackage, String target, List<SchemaDescriptor> schemas) {
    }

    /**
     * @param schema    the tenant schema, or null for the connection's own
     * @param current   the version rows (the revisions the database is at)
     * @param revisions every revision the application ships, in order
     * @param problems  edited applied revisions, version rows the code lacks: what {@code autogen validate} reports
     */
    public record SchemaDescriptor(String schema, List<String> current, List<RevisionDescriptor> revisions,
            List<String> problems) {
    }

    /**
     * @param state      {@code applied} or {@code pending}
     * @param checksumOk true when the applied code matches the recorded checksum, false when it was edited since, null
     *                   when pending or applied only implicitly (an ancestor of a stamped revision)
     */
    public record RevisionDescriptor(String id, String message, List<String> parents, String state, Instant appliedAt,
            String appliedBy, Boolean checksumOk) {
    }
}
