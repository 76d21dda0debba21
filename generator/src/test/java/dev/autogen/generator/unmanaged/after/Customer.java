package dev.autogen.generator.unmanaged.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Unmanaged-tables fixture, "after" state: the entity Note was removed. */
@Entity
@Table(name = "customer")
public class Customer {
    @Id
    Long id;

    @Column(name = "full_name", length = 120, nullable = false)
    String fullName;
}
