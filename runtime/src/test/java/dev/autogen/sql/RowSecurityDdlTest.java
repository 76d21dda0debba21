package dev.autogen.sql;

import static dev.autogen.dsl.Dsl.bigint;
import static dev.autogen.dsl.Dsl.column;
import static dev.autogen.dsl.Dsl.table;
import static dev.autogen.dsl.PolicySpec.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.SchemaInterpreter;
import dev.autogen.op.CreatePolicy;
import dev.autogen.op.DropPolicy;
import dev.autogen.op.IrreversibleOperationException;
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.op.SetRowLevelSecurity;
import dev.autogen.schema.Policy;
import dev.autogen.schema.PolicyCommand;
import dev.autogen.schema.RowLevelSecurity;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Row-level security operations: the exact PostgreSQL, nothing on SQLite, the replay, the reverses and the DSL. */
class RowSecurityDdlTest {
    private static final Policy TENANT = new Policy("tenant_isolation", PolicyCommand.ALL, List.of(),
            "tenant_id = nullif(current_setting('app.current_tenant_id', true), '')::bigint",
            "tenant_id = nullif(current_setting('app.current_tenant_id', true), '')::bigint");
    private static final Policy READERS = new Policy("Readers \"all\"", PolicyCommand.SELECT,
            List.of("support", "Auditor"), "true", null);

    private static List<String> postgres(Operation operation) {
        return DdlRenderer.forDialect(Dialect.POSTGRESQL).render(operation, Schema.EMPTY).stream()
                .map(Statement::sql).toList();
    }

    @Test
    void postgresWritesBothSwitchesAndWholePolicies() {
        assertEquals(List.of("alter table \"note\" enable row level security, force row level security"),
                postgres(new SetRowLevelSecurity("note", RowLevelSecurity.enabled(true), null)));
        assertEquals(List.of("alter table \"note\" disable row level security, no force row level security"),
                postgres(new SetRowLevelSecurity("note", RowLevelSecurity.NONE, null)));
        assertEquals(List.of("create policy \"tenant_isolation\" on \"note\" as permissive for all to public"
                        + " using (" + TENANT.using() + ") with check (" + TENANT.withCheck() + ")"),
                postgres(new CreatePolicy("note", TENANT)));
        assertEquals(List.of("create policy \"Readers \"\"all\"\"\" on \"note\" as permissive for select"
                        + " to \"Auditor\", \"support\" using (true)"),
                postgres(new CreatePolicy("note", READERS)));
        assertEquals(List.of("drop policy \"tenant_isolation\" on \"note\""),
                postgres(new DropPolicy("note", "tenant_isolation", TENANT)));
    }

    @Test
    void sqliteRendersNothing() {
        DdlRenderer sqlite = DdlRenderer.forDialect(Dialect.SQLITE);
        assertEquals(List.of(), sqlite.render(new SetRowLevelSecurity("note", RowLevelSecurity.enabled(true), null),
                Schema.EMPTY));
        assertEquals(List.of(), sqlite.render(new CreatePolicy("note", TENANT), Schema.EMPTY));
        assertEquals(List.of(), sqlite.render(new DropPolicy("note", "tenant_isolation", null), Schema.EMPTY));
    }

    @Test
    void theInterpreterReplaysAndReversesThem() {
        Schema plain = new Schema(List.of(table("note").column(column("id", bigint()))
                .column(column("tenant_id", bigint())).primaryKey("pk_note", "id").toTable()), List.of());
        List<Operation> secure = List.of(
                new SetRowLevelSecurity("note", RowLevelSecurity.enabled(false), RowLevelSecurity.NONE),
                new CreatePolicy("note", TENANT), new CreatePolicy("note", READERS));
        Schema secured = SchemaInterpreter.applyAll(plain, secure);
        Table note = secured.table("note").orElseThrow();
        assertEquals(new RowLevelSecurity(true, false), note.rowLevelSecurity());
        assertEquals(List.of(READERS, TENANT), note.policies());
        List<Operation> undo = secure.reversed().stream().map(Operation::reverse).toList();
        assertEquals(plain, SchemaInterpreter.applyAll(secured, undo));

        Table renamed = SchemaInterpreter.apply(secured, new RenameColumn("note", "tenant_id", "org_id"))
                .table("note").orElseThrow();
        assertEquals("org_id = nullif(current_setting('app.current_tenant_id', true), '')::bigint",
                renamed.policy("tenant_isolation").orElseThrow().using());
        assertThrows(IllegalStateException.class, () -> SchemaInterpreter.apply(secured, new CreatePolicy("note", TENANT)));
        assertThrows(IrreversibleOperationException.class, () -> new DropPolicy("note", "x", null).reverse());
        assertThrows(IrreversibleOperationException.class,
                () -> new SetRowLevelSecurity("note", RowLevelSecurity.NONE, null).reverse());
    }

    @Test
    void theDslRecordsTheOperations() {
        SchemaChanges schema = new SchemaChanges()
                .setRowLevelSecurity("note", RowLevelSecurity.enabled(true), RowLevelSecurity.NONE)
                .enableRowLevelSecurity("note", false)
                .disableRowLevelSecurity("note")
                .createPolicy("note", policy("Readers \"all\"").forCommand(PolicyCommand.SELECT).to("support", "Auditor")
                        .using("true"))
                .dropPolicy("note", "old")
                .dropPolicy("note", policy("tenant_isolation").using(TENANT.using()).withCheck(TENANT.withCheck()));
        assertEquals(List.of(
                new SetRowLevelSecurity("note", RowLevelSecurity.enabled(true), RowLevelSecurity.NONE),
                new SetRowLevelSecurity("note", RowLevelSecurity.enabled(false), null),
                new SetRowLevelSecurity("note", RowLevelSecurity.NONE, null),
                new CreatePolicy("note", READERS),
                new DropPolicy("note", "old", null),
                new DropPolicy("note", "tenant_isolation", TENANT)), schema.operations());
    }

    @Test
    void aTableWithoutRowLevelSecurityPrintsAsBefore() {
        Table plain = Table.of("t", List.of());
        assertEquals("Table[name=t, columns=[], primaryKey=null, uniqueConstraints=[], foreignKeys=[], checks=[],"
                + " indexes=[], comment=null]", plain.toString());
        assertEquals("Table[name=t, columns=[], primaryKey=null, uniqueConstraints=[], foreignKeys=[], checks=[],"
                + " indexes=[], comment=null, rowLevelSecurity=RowLevelSecurity[enabled=true, forced=true],"
                + " policies=[]]", plain.withRowLevelSecurity(RowLevelSecurity.enabled(true)).toString());
    }
}
