package dev.autogen.generator.namespaces.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A table in schema "billing" that references the default schema's customer. */
@Entity
@Table(name = "invoice", schema = "billing", indexes = @Index(name = "ix_invoice_number", columnList = "number"))
public class Invoice {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "number", length = 20, nullable = false)
    String number;

    @ManyToOne(optional = false)
    @JoinColumn(name = "customer_id")
    Customer customer;
}
