package dev.autogen.generator.unmanaged.before;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Unmanaged-tables fixture, "before" state: an entity that stays. */
@Entity
@Table(name = "customer")
public class Customer {
    @Id
    Long id;

    @Column(name = "full_name", length = 120, nullable = false)
    String fullName;
}
