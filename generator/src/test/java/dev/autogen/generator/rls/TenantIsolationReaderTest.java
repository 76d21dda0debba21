package dev.autogen.generator.rls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.jpa.EntityModelException;
import dev.autogen.generator.jpa.HibernateModelReader;
import dev.autogen.generator.rls.isolated.Invoice;
import dev.autogen.generator.rls.isolated.Note;
import dev.autogen.generator.rls.isolated.Tenant;
import dev.autogen.schema.Policy;
import dev.autogen.schema.PolicyCommand;
import dev.autogen.schema.RowLevelSecurity;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code @TenantIsolated} (entity and package) and {@code @Policy} put into the entity model. */
class TenantIsolationReaderTest {

    @Test
    void annotationsBecomeTheTablesRowLevelSecurity() throws Exception {
        Schema model = HibernateModelReader.read(List.of(Note.class, Invoice.class, Tenant.class,
                Class.forName("dev.autogen.generator.rls.isolated.package-info")), Dialect.POSTGRESQL);
        String tenant = "tenant_id = nullif(current_setting('app.current_tenant_id', true), '')::uuid";
        assertEquals(new RowLevelSecurity(true, true), model.table("note").orElseThrow().rowLevelSecurity());
        assertEquals(List.of(new Policy("auditor_reads_all", PolicyCommand.SELECT, List.of("rls_auditor"), "true", null),
                        new Policy("tenant_isolation", PolicyCommand.ALL, List.of("public"), tenant, tenant)),
                model.table("note").orElseThrow().policies());
        String org = "org_id = nullif(current_setting('app.current_org', true), '')::bigint";
        assertEquals(new RowLevelSecurity(true, false), model.table("invoice").orElseThrow().rowLevelSecurity());
        assertEquals(List.of(new Policy("tenant_isolation", PolicyCommand.ALL, List.of(), org, org)),
                model.table("invoice").orElseThrow().policies());
        assertEquals(RowLevelSecurity.NONE, model.table("tenant").orElseThrow().rowLevelSecurity(),
                "the package default skips a table without the column");
        assertEquals(List.of(), model.table("tenant").orElseThrow().policies());
    }

    @Test
    void anEntityIsolatedByAColumnItLacksIsAnError() {
        EntityModelException error = assertThrows(EntityModelException.class, () -> HibernateModelReader.read(
                List.of(dev.autogen.generator.rls.broken.Orphan.class), Dialect.POSTGRESQL));
        assertTrue(error.getMessage().contains("Orphan is @TenantIsolated by column tenant_id but table orphan has"
                + " no such column"), error.getMessage());
    }
}
