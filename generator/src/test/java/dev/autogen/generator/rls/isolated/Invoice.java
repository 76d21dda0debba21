package dev.autogen.generator.rls.isolated;

import dev.autogen.annotations.TenantIsolated;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row-level security fixture: its own annotation (not forced, a bigint tenant column, another setting). */
@Entity
@Table(name = "invoice")
@TenantIsolated(column = "org_id", setting = "app.current_org", force = false)
public class Invoice {
    @Id
    Long id;

    @Column(name = "org_id", nullable = false)
    Long orgId;

    @Column(name = "amount")
    Integer amount;
}
