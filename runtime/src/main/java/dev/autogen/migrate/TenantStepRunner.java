package dev.autogen.migrate;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;

import dev.autogen.op.ForEachTenant;
import dev.autogen.op.Operation;
import dev.autogen.op.TenantStep;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs a PostgreSQL revision made of tenant-scoped data steps ({@link ForEachTenant}): for each step and each tenant,
 * one transaction that switches to the step's role ({@code SET LOCAL ROLE}), sets the tenant setting locally
 * ({@code set_config(setting, tenant, true)}), runs the step, and records the tenant in
 * {@value VersionTables#TENANT_PROGRESS}. Row-level security then shows the step only that tenant's rows. A failure
 * keeps the tenants already done; the rerun skips them. The caller records the revision afterwards and calls
 * {@link #forget} in that transaction.
 *
 * <p>Before the first tenant the effective role is checked: a superuser, a role with {@code BYPASSRLS}, or the owner of
 * a table whose row-level security is enabled but not forced would see every tenant's rows, so the step is refused.
 */
final class TenantStepRunner {
    private static final String PROGRESS = quoteIdentifier(VersionTables.TENANT_PROGRESS);

    private final Consumer<String> listener;

    TenantStepRunner(Consumer<String> listener) {
        this.listener = listener;
    }

    /** Whether {@code operations} hold a tenant step (the revision is then run by this class). */
    static boolean holdsAny(List<Operation> operations) {
        return operations.stream().anyMatch(ForEachTenant.class::isInstance);
    }

    /** Runs every step for every tenant not yet done; the connection is in autocommit on entry and on return. */
    void run(Connection c, LoadedMigration revision, List<Operation> operations) throws SQLException {
        String label = RevisionRunner.label(revision);
        List<ForEachTenant> steps = new ArrayList<>();
        for (Operation operation : operations) {
            if (!(operation instanceof ForEachTenant step)) {
                throw new MigrationException("revision " + label + " mixes tenant steps (forEachTenant) with other"
                        + " operations — nothing of it was applied; tenant steps run in a transaction per tenant,"
                        + " so move the other operations into a revision of their own");
            }
            steps.add(step);
        }
        execute(c, "create table if not exists " + PROGRESS + " (" + quoteIdentifier("revision")
                + " varchar(64) not null, " + quoteIdentifier("step") + " integer not null, "
                + quoteIdentifier("tenant") + " text not null, " + quoteIdentifier("done_at")
                + " timestamp with time zone not null default now(), primary key (" + quoteIdentifier("revision")
                + ", " + quoteIdentifier("step") + ", " + quoteIdentifier("tenant") + "))");
        for (int index = 0; index < steps.size(); index++) {
            ForEachTenant step = steps.get(index);
            List<String> tenants = tenants(c, step);
            Set<String> done = done(c, revision.id(), index);
            int skipped = (int) tenants.stream().filter(done::contains).count();
            if (skipped > 0) {
                listener.accept("  " + step.step().description() + ": " + skipped + " of " + tenants.size()
                        + " tenants already done, skipped");
            }
            boolean checked = false;
            for (String tenant : tenants) {
                if (done.contains(tenant)) {
                    continue;
                }
                runForTenant(c, revision, index, step.step(), tenant, !checked);
                checked = true;
            }
        }
    }

    /** Deletes the revision's progress rows, in the transaction that records the revision. */
    static void forget(Connection c, String revisionId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("delete from " + PROGRESS + " where "
                + quoteIdentifier("revision") + " = ?")) {
            st.setString(1, revisionId);
            st.executeUpdate();
        }
    }

    private void runForTenant(Connection c, LoadedMigration revision, int index, TenantStep step, String tenant,
            boolean checkRole) throws SQLException {
        String where = "revision " + RevisionRunner.label(revision) + " failed in tenant step \""
                + step.description() + "\" for tenant " + tenant;
        try {
            c.setAutoCommit(false);
            if (step.role() != null) {
                execute(c, "set local role " + quoteIdentifier(step.role()));
            }
            if (checkRole) {
                String refusal = TenantRoleCheck.refusal(c);
                if (refusal != null) {
                    throw new MigrationException("revision " + RevisionRunner.label(revision) + ": tenant step \""
                            + step.description() + "\" refused: " + refusal + " — nothing of it was applied");
                }
            }
            try (PreparedStatement st = c.prepareStatement("select set_config(?, ?, true)")) {
                st.setString(1, step.setting());
                st.setString(2, tenant);
                st.executeQuery().close();
            }
            if (step.sql() != null) {
                execute(c, step.sql());
            } else {
                step.callback().run(CallbackConnection.guard(c, step.description()), tenant);
            }
            execute(c, "reset role");
            try (PreparedStatement st = c.prepareStatement("insert into " + PROGRESS + " (" + quoteIdentifier("revision")
                    + ", " + quoteIdentifier("step") + ", " + quoteIdentifier("tenant") + ") values (?, ?, ?)")) {
                st.setString(1, revision.id());
                st.setInt(2, index);
                st.setString(3, tenant);
                st.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            if (e instanceof MigrationException m) {
                throw m;
            }
            String said = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new MigrationException(where + ": " + said.strip().replaceAll("\\s+", " ")
                    + " — that tenant was rolled back, the tenants done before it are recorded; fix the step and run"
                    + " upgrade again to do the rest", e);
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The step's tenants, sorted and without repeats; a query runs as the migrator's own role. */
    private static List<String> tenants(Connection c, ForEachTenant step) throws SQLException {
        if (step.tenants().query() == null) {
            return step.tenants().sortedNames();
        }
        Set<String> names = new HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(step.tenants().query())) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        names.remove(null);
        return names.stream().sorted().toList();
    }

    private static Set<String> done(Connection c, String revisionId, int index) throws SQLException {
        Set<String> done = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement("select " + quoteIdentifier("tenant") + " from " + PROGRESS
                + " where " + quoteIdentifier("revision") + " = ? and " + quoteIdentifier("step") + " = ?")) {
            st.setString(1, revisionId);
            st.setInt(2, index);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    done.add(rs.getString(1));
                }
            }
        }
        return done;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
