package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

import java.util.ArrayList;
import java.util.List;

/** What a booking costs. */
@Entity
public class Invoice {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_ids")
    @SequenceGenerator(name = "invoice_ids", sequenceName = "invoice_seq", initialValue = 1000, allocationSize = 10)
    Long id;

    @ManyToOne(optional = false)
    Booking booking;

    @Embedded
    Money total;

    @ElementCollection
    @CollectionTable(name = "invoice_line", joinColumns = @JoinColumn(name = "invoice_id"))
    List<InvoiceLine> lines = new ArrayList<>();
}
