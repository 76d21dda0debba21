package dev.autogen.generator.diff;

import static dev.autogen.generator.diff.TableBuilder.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.generator.project.PlanHazards;
import dev.autogen.op.Operation;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.Policy;
import dev.autogen.schema.PolicyCommand;
import dev.autogen.schema.RowLevelSecurity;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.Dialect;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The row-level security part of the differ, as data (see {@link SchemaDifferCasesTest}): each plan is checked
 * exactly, applies cleanly, re-diffs empty, and its reverse brings back the current schema.
 */
class RowSecurityDifferTest {
    private static final Dialect PG = Dialect.POSTGRESQL;
    private static final String TENANT = "tenant_id = nullif(current_setting('app.current_tenant_id', true), '')::uuid";
    /** How PostgreSQL prints {@link #TENANT} back. */
    private static final String TENANT_FROM_CATALOG =
            "tenant_id = (NULLIF(current_setting('app.current_tenant_id'::text, true), ''::text))::uuid";

    record Case(String name, Dialect dialect, Schema current, Schema target, List<String> expected) {
        @Override
        public String toString() {
            return name + " [" + dialect.displayName() + "]";
        }
    }

    static Stream<Case> cases() {
        String create = "CreatePolicy note tenant_isolation for all to public using (" + TENANT + ") with check ("
                + TENANT + ")";
        return Stream.of(
                new Case("a new isolated table: created plain, then secured", PG, schema(), schema(isolated(true)),
                        List.of("CreateTable note (id bigint not null, tenant_id uuid not null, pk(id))",
                                "SetRowLevelSecurity note enabled forced", create)),
                new Case("SQLite has no row-level security", Dialect.SQLITE, schema(), schema(isolated(true)),
                        List.of("CreateTable note (id bigint not null, tenant_id uuid not null, pk(id))")),
                new Case("SQLite ignores it on an existing table too", Dialect.SQLITE, schema(note()),
                        schema(isolated(true)), List.of()),
                new Case("the catalog's spelling of the same policy is no difference", PG,
                        schema(isolated(true, TENANT_FROM_CATALOG)), schema(isolated(true)), List.of()),
                new Case("isolation added to an existing table", PG, schema(note()), schema(isolated(false)),
                        List.of("SetRowLevelSecurity note enabled not forced", create)),
                new Case("FORCE removed by hand comes back", PG, schema(isolated(false)), schema(isolated(true)),
                        List.of("SetRowLevelSecurity note enabled forced")),
                new Case("isolation removed: policy dropped, then row-level security off", PG,
                        schema(isolated(true)), schema(note()),
                        List.of("DropPolicy note tenant_isolation", "SetRowLevelSecurity note disabled")),
                new Case("an edited policy is dropped and created again", PG,
                        schema(isolated(true, "true")), schema(isolated(true)),
                        List.of("DropPolicy note tenant_isolation", create)),
                new Case("roles and command are compared", PG,
                        schema(withPolicy(new Policy("p", PolicyCommand.SELECT, List.of("a"), "true", null))),
                        schema(withPolicy(new Policy("p", PolicyCommand.SELECT, List.of("b"), "true", null))),
                        List.of("DropPolicy note p", "CreatePolicy note p for select to b using (true)")),
                new Case("a dropped isolated table loses its policies first", PG, schema(isolated(true)), schema(),
                        List.of("DropPolicy note tenant_isolation", "SetRowLevelSecurity note disabled",
                                "DropTable note")),
                new Case("a type change of a column a policy uses is wrapped by drop and create", PG,
                        schema(isolated(true, TENANT, new ColumnType.Varchar(36))), schema(isolated(true)),
                        List.of("DropPolicy note tenant_isolation",
                                "AlterColumn note tenant_id varchar(36) -> uuid", create)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactly(Case c) {
        SchemaDiffer differ = new SchemaDiffer(c.dialect());
        List<Operation> plan = differ.diff(c.current(), c.target());
        assertEquals(c.expected(), plan.stream().map(OperationText::line).toList());
        Schema upgraded = SchemaApplier.apply(c.current(), plan, c.dialect());
        assertEquals(List.of(), differ.diff(upgraded, c.target()), "re-diff after the plan");
        Schema downgraded = SchemaApplier.apply(upgraded, SchemaApplier.reverse(plan), c.dialect());
        assertEquals(List.of(), differ.diff(downgraded, c.current()), "re-diff after the reverse");
    }

    @Test
    void aTypeChangeOfAPolicyColumnIsFlagged() {
        Schema current = schema(isolated(true, TENANT, new ColumnType.Varchar(36)));
        List<Operation> plan = new SchemaDiffer(PG).diff(current, schema(isolated(true)));
        Map<Integer, List<String>> warnings = PlanHazards.lines(PlanHazards.of(plan, PG, current));
        assertEquals(List.of("DATA_LOSS: narrows note.tenant_id from character varying(36) to uuid; values that do not fit make"
                        + " the upgrade fail or are cut", "TABLE_REWRITE: changes the type of note.tenant_id: rewrites note",
                        "BLOCKS_READS: holds ACCESS EXCLUSIVE on note during the rewrite",
                        "WEAKENS_SECURITY: row-level security: policy"
                        + " tenant_isolation of note uses column tenant_id; it is dropped before and re-created after"
                        + " the type change"), warnings.get(1));
        assertEquals(List.of("WEAKENS_SECURITY: drops policy tenant_isolation of note"), warnings.get(0));
    }

    @Test
    void aRenameOfAPolicyColumnIsFlagged() {
        Schema current = schema(isolated(true));
        List<Operation> plan = List.of(new dev.autogen.op.RenameColumn("note", "tenant_id", "org_id"));
        assertEquals(List.of("BREAKS_RUNNING_APP: the application still deployed uses note.tenant_id",
                        "WEAKENS_SECURITY: row-level security: policy"
                        + " tenant_isolation of note uses column tenant_id; PostgreSQL rewrites it to use org_id;"
                        + " check that it still says what the entities declare"),
                PlanHazards.lines(PlanHazards.of(plan, PG, current)).get(0));
    }

    private static Schema schema(Table... tables) {
        return new Schema(List.of(tables), List.of());
    }

    private static Table note() {
        return note(new ColumnType.Uuid());
    }

    private static Table note(ColumnType tenantType) {
        return table("note").col("id", new ColumnType.BigInt()).col("tenant_id", tenantType).pk("id").build();
    }

    private static Table isolated(boolean force) {
        return isolated(force, TENANT);
    }

    private static Table isolated(boolean force, String condition) {
        return isolated(force, condition, new ColumnType.Uuid());
    }

    private static Table isolated(boolean force, String condition, ColumnType tenantType) {
        return note(tenantType).withRowLevelSecurity(RowLevelSecurity.enabled(force)).withPolicies(List.of(
                new Policy("tenant_isolation", PolicyCommand.ALL, List.of(), condition, condition)));
    }

    private static Table withPolicy(Policy policy) {
        return note().withRowLevelSecurity(RowLevelSecurity.enabled(true)).withPolicies(List.of(policy));
    }
}
