package dev.autogen.generator.rls.isolated;

import dev.autogen.annotations.Policy;
import dev.autogen.schema.PolicyCommand;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Row-level security fixture: isolated by the package default (forced), plus a custom read policy. */
@Entity
@Table(name = "note")
@Policy(name = "auditor_reads_all", command = PolicyCommand.SELECT, roles = "rls_auditor", using = "true")
public class Note {
    @Id
    Long id;

    @Column(name = "tenant_id", nullable = false)
    UUID tenantId;

    @Column(name = "body", length = 500)
    String body;
}
