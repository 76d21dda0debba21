package dev.autogen.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A customer account: the root every other row belongs to. */
@Entity
@Table(name = "tenants")
public class Tenant {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @Column(name = "id")
    UUID id;

    @Column(name = "name", length = 200, nullable = false)
    String name;

    /** The tenant's URL-safe handle (a DNS label, hence 63 characters). */
    @Column(name = "slug", length = 63, nullable = false, unique = true)
    String slug;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected Tenant() {
    }
}
