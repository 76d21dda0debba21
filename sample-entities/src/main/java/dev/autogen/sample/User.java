package dev.autogen.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person who signs in; belongs to a tenant and optionally to one of its organizations. */
@Entity
@Table(name = "users", indexes = {
        @Index(name = "ix_users_tenant_id_created_at", columnList = "tenant_id, created_at"),
        @Index(name = "ix_users_phone", columnList = "phone")})
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @Column(name = "id")
    UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id", nullable = false)
    Tenant tenant;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id")
    Organization organization;

    /** RFC 5321 caps an address at 320 characters. */
    @Column(name = "email", length = 320, nullable = false, unique = true)
    String email;

    @Column(name = "username", length = 64, nullable = false, unique = true)
    String username;

    @Column(name = "display_name", length = 200)
    String displayName;

    /** E.164: at most 15 digits plus the leading '+'; added by the "add phone" migration. */
    @Column(name = "phone", length = 16)
    String phone;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected User() {
    }
}
