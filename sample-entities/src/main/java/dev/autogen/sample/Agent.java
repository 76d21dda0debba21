package dev.autogen.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An AI agent a tenant configures; soft-deleted ({@code deleted_at}) so that past executions keep their agent. */
@Entity
@Table(name = "agents")
public class Agent {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @Column(name = "id")
    UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false)
    Tenant tenant;

    @Column(name = "name", length = 200, nullable = false)
    String name;

    /** Free-form settings (model, prompt, tools): {@code jsonb} on PostgreSQL. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "config")
    Map<String, Object> config;

    @Enumerated(EnumType.STRING)
    @ColumnDefault("'DRAFT'")
    @Column(name = "status", length = 16, nullable = false)
    AgentStatus status;

    @Column(name = "deleted_at")
    Instant deletedAt;

    protected Agent() {
    }
}
