package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

/** A line of an invoice, stored in the invoice's collection table. */
@Embeddable
public class InvoiceLine {
    @Column(nullable = false, length = 80)
    String description;

    int quantity;

    @Embedded
    @AttributeOverride(name = "amount", column = @Column(name = "unitAmount", precision = 14, scale = 2))
    @AttributeOverride(name = "currency", column = @Column(name = "unitCurrency", length = 3))
    Money unitPrice;
}
