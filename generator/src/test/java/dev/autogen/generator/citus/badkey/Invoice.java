package dev.autogen.generator.citus.badkey;

import dev.autogen.annotations.Distributed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Citus fixture: distributed by tenant_id, which its primary key leaves out (refused by -m). */
@Entity
@Table(name = "invoice")
@Distributed(column = "tenant_id")
public class Invoice {
    @Id
    Long id;

    @Column(name = "tenant_id")
    Long tenantId;
}
