package dev.autogen.op;

import java.util.Objects;

/**
 * A data step run once per tenant ({@code schema.forEachTenant(tenants, step)}), each time in a transaction of its
 * own, as the step's role and with the tenant setting set locally, so row-level security keeps the step inside that
 * tenant's rows. Progress is recorded per tenant, so a rerun after a failure skips the tenants already done (see
 * docs/row-level-security.md, "Tenant-scoped data steps").
 *
 * <p>Opaque to the interpreter like raw SQL, never produced by the differ nor written by the emitter, and not one
 * script: renderers refuse it, the migrator runs it, an offline script says it was left out. On PostgreSQL a revision
 * holding one contains only tenant steps (their transactions are per tenant, not the revision's). On SQLite, which has
 * no row-level security, the step runs once, without a tenant, inside the revision's transaction, with a note.
 *
 * @param tenants which tenants
 * @param step    what runs for each
 */
public record ForEachTenant(Tenants tenants, TenantStep step) implements Operation {
    public ForEachTenant {
        Objects.requireNonNull(tenants, "tenants");
        Objects.requireNonNull(step, "step");
    }

    @Override
    public Operation reverse() {
        throw new IrreversibleOperationException("a tenant step has no reverse (" + step.description()
                + "): write the downgrade's own step by hand");
    }
}
