package dev.autogen.generator.rename.contact;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Rename-test fixture, a table that references the one to be renamed. */
@Entity
@Table(name = "purchase")
public class Purchase {
    @Id
    Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    Customer customer;
}
