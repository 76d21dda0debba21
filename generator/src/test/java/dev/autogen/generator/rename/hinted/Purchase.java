package dev.autogen.generator.rename.hinted;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Rename-test fixture, after the renames: the foreign key follows the renamed table. */
@Entity
@Table(name = "purchase")
public class Purchase {
    @Id
    Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    Client customer;
}
