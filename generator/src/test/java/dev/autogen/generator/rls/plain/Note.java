package dev.autogen.generator.rls.plain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Row-level security fixture: a tenant column without isolation (autogen hints at it). */
@Entity
@Table(name = "note")
public class Note {
    @Id
    Long id;

    @Column(name = "tenant_id", nullable = false)
    UUID tenantId;

    @Column(name = "body", length = 500)
    String body;
}
