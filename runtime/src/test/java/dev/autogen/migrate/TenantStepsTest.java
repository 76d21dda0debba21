package dev.autogen.migrate;

import static dev.autogen.migrate.DataMigrationsTest.revision;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.op.TenantStep;
import dev.autogen.op.Tenants;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestSql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tenant-scoped data steps ({@code schema.forEachTenant}) on PostgreSQL with real roles and row-level security: each
 * tenant's step sees and changes only its own rows, unsafe roles are refused before anything runs, and a rerun after a
 * failure skips the tenants already done.
 */
class TenantStepsTest {
    /** Roles belong to the cluster, which the test classes share: a name of this run's own. */
    private static final String ROLE = "tenant_step_" + Long.toHexString(System.nanoTime());

    /** Table {@code note} with forced tenant isolation, rows of tenants a, b, c, d, and a role that may update it. */
    private static final LoadedMigration NOTES = revision("a1", null, schema -> schema.execute("""
            create table note (id integer primary key, tenant_id text not null, body text not null);
            alter table note enable row level security, force row level security;
            create policy tenant_isolation on note using (tenant_id = nullif(current_setting('app.current_tenant_id',
              true), '')) with check (tenant_id = nullif(current_setting('app.current_tenant_id', true), ''));
            insert into note values (1, 'a', 'a1'), (2, 'a', 'a2'), (3, 'b', 'b1'), (4, 'c', 'c1'), (5, 'd', 'd1');
            do $$ begin
              if not exists (select from pg_roles where rolname = '%1$s') then create role %1$s nologin; end if;
            end $$;
            grant select, update, insert on note to %1$s
            """.formatted(ROLE)));

    private ConnectionFactory connections;
    private String url;
    private final List<String> notes = new ArrayList<>();
    private final List<String> seen = new ArrayList<>();

    @Test
    void aStepThatReachesForAnotherTenantsRowsChangesNone() throws SQLException {
        var steps = revision("a2", "a1", schema -> schema
                .forEachTenant(Tenants.of("c", "a"), TenantStep.sql("update note set body = body || '+'"
                        + " || current_setting('app.current_tenant_id')").as(ROLE))
                .forEachTenant(Tenants.query("select distinct tenant_id from note where tenant_id <> 'b'"),
                        TenantStep.sql("update note set body = 'stolen' where tenant_id = 'b'").as(ROLE))
                .forEachTenant(Tenants.of("a"), TenantStep.run("count what tenant a sees", (c, tenant) -> {
                    try (Statement st = c.createStatement();
                         ResultSet rs = st.executeQuery("select count(*) from note")) {
                        rs.next();
                        seen.add(tenant + " sees " + rs.getInt(1));
                    }
                }).as(ROLE)));
        Migrator migrator = migrator(NOTES, steps);

        assertEquals(List.of("a1", "a2"), migrator.upgrade("head"));

        assertEquals(List.of("1 a a1+a", "2 a a2+a", "3 b b1", "4 c c1+c", "5 d d1"),
                rows("select id, tenant_id, body from note order by id"));
        assertEquals(List.of("a sees 2"), seen);
        assertEquals(List.of(), rows("select * from autogen_tenant_progress"));
    }

    @Test
    void aStepCannotWriteARowForAnotherTenant() throws SQLException {
        var steps = revision("a2", "a1", schema -> schema.forEachTenant(Tenants.of("a"),
                TenantStep.sql("insert into note values (9, 'b', 'planted')").as(ROLE)));
        Migrator migrator = migrator(NOTES, steps);

        var e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

        assertTrue(e.getMessage().startsWith("revision a2 failed in tenant step \"insert into note values (9, 'b',"
                + " 'planted')\" for tenant a: "), e.getMessage());
        assertTrue(e.getMessage().contains("row-level security"), e.getMessage());
        assertEquals(List.of("1", "2", "3", "4", "5"), rows("select id from note order by id"));
        assertEquals(List.of("a1"), migrator.current());
    }

    @ParameterizedTest
    @ValueSource(strings = {"superuser", "bypassrls", "owner"})
    void aRoleThatRowLevelSecurityDoesNotHoldIsRefused(String kind) throws SQLException {
        String role = ROLE + "_" + kind;
        String setUp = switch (kind) {
            case "superuser" -> "select 1"; // the tests connect as a superuser: the step runs as that role
            case "bypassrls" -> "create role " + role + " nologin bypassrls; grant update, select on note to " + role;
            default -> "create role " + role + " nologin; alter table note owner to " + role
                    + "; alter table note no force row level security";
        };
        TenantStep update = TenantStep.sql("update note set body = 'x'");
        var roles = revision("a2", "a1", schema -> schema.execute(setUp));
        var steps = revision("a3", "a2", schema -> schema.forEachTenant(Tenants.of("a"),
                kind.equals("superuser") ? update : update.as(role)));
        Migrator migrator = migrator(NOTES, roles, steps);

        var e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

        String expected = switch (kind) {
            case "superuser" -> "is a superuser, which row-level security never holds";
            case "bypassrls" -> "role " + role + " has BYPASSRLS, which row-level security never holds";
            default -> "owns public.note, whose row-level security is not forced";
        };
        assertTrue(e.getMessage().startsWith("revision a3: tenant step \"update note set body = 'x'\" refused: "),
                e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(List.of("a1", "a2", "b1", "c1", "d1"), rows("select body from note order by id"));
        assertEquals(List.of("a2"), migrator.current());
        if (!kind.equals("superuser")) {
            try (Connection c = connections.open(); Statement st = c.createStatement()) {
                st.execute("alter table note owner to current_user");
                st.execute("drop owned by " + role);
                st.execute("drop role " + role);
            }
        }
    }

    @Test
    void aRerunAfterAFailureSkipsTheTenantsAlreadyDone() throws SQLException {
        AtomicBoolean failOnC = new AtomicBoolean(true);
        List<String> visited = new ArrayList<>();
        var steps = revision("a2", "a1", schema -> schema.forEachTenant(Tenants.query("select tenant_id from note"),
                TenantStep.run("mark the notes", (c, tenant) -> {
                    visited.add(tenant);
                    if (tenant.equals("c") && failOnC.get()) {
                        throw new SQLException("tenant c's data is not ready");
                    }
                    try (Statement st = c.createStatement()) {
                        st.executeUpdate("update note set body = body || '!'");
                    }
                }).as(ROLE)));
        Migrator migrator = migrator(NOTES, steps);

        var e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));
        assertTrue(e.getMessage().contains("for tenant c: tenant c's data is not ready — that tenant was rolled back,"
                + " the tenants done before it are recorded"), e.getMessage());
        assertEquals(List.of("a1!", "a2!", "b1!", "c1", "d1"), rows("select body from note order by id"));
        assertEquals(List.of("a", "b"), rows("select tenant from autogen_tenant_progress order by tenant"));
        assertEquals(List.of("a1"), migrator.current());

        failOnC.set(false);
        visited.clear();
        assertEquals(List.of("a2"), migrator.upgrade("head"));

        assertEquals(List.of("c", "d"), visited);
        assertEquals(List.of("a1!", "a2!", "b1!", "c1!", "d1!"), rows("select body from note order by id"));
        assertEquals(List.of(), rows("select tenant from autogen_tenant_progress"));
        assertTrue(notes.contains("  mark the notes: 2 of 4 tenants already done, skipped"), notes.toString());
    }

    @Test
    void aRevisionMixingTenantStepsWithOtherOperationsIsRefusedBeforeAnythingRuns() throws SQLException {
        var mixed = revision("a2", "a1", schema -> schema.execute("update note set body = 'changed'")
                .forEachTenant(Tenants.of("a"), TenantStep.sql("update note set body = 'x'").as(ROLE)));
        Migrator migrator = migrator(NOTES, mixed);
        migrator.upgrade("a1");

        var e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

        assertTrue(e.getMessage().startsWith("revision a2 mixes tenant steps (forEachTenant) with other operations"),
                e.getMessage());
        assertEquals(List.of("a1", "a2", "b1", "c1", "d1"), rows("select body from note order by id"));
    }

    @Test
    void sqliteRunsTheStepOnceWithoutRowLevelSecurityAndSaysSo() throws SQLException {
        var table = revision("a1", null, schema -> schema.execute("create table note (id integer primary key,"
                + " tenant_id text not null, body text not null)")
                .execute("insert into note values (1, 'a', 'a1'), (2, 'b', 'b1')"));
        var steps = revision("a2", "a1", schema -> schema.forEachTenant(Tenants.of("a", "b"),
                TenantStep.sql("update note set body = body || '!'").as(ROLE)));
        url = TestDatabases.freshSqlite("tenant-steps");
        connections = ConnectionFactory.of(url, null, null);
        Migrator migrator = new Migrator(connections, Dialect.SQLITE, List.of(table, steps)).withListener(notes::add);

        assertEquals(List.of("a1", "a2"), migrator.upgrade("head"));

        assertEquals(List.of("a1!", "b1!"), rows("select body from note order by id"));
        assertTrue(notes.contains("note: a2: SQLite has no row-level security; tenant step \"update note set body ="
                + " body || '!'\" runs once, for every tenant's rows"), notes.toString());
    }

    // ---- helpers

    private Migrator migrator(LoadedMigration first, LoadedMigration... rest) {
        url = TestDatabases.freshPostgres("tenant_steps");
        connections = ConnectionFactory.of(url, null, null);
        List<LoadedMigration> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return new Migrator(connections, Dialect.POSTGRESQL, all).withListener(notes::add);
    }

    private List<String> rows(String sql) throws SQLException {
        return TestSql.rows(url, sql);
    }
}
