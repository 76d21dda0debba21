package dev.autogen.generator.rls.isolated;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Row-level security fixture: no tenant column, so the package default leaves it alone. */
@Entity
@Table(name = "tenant")
public class Tenant {
    @Id
    UUID id;

    @Column(name = "name", length = 100, nullable = false)
    String name;
}
