package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

/** A document attached to a booking, by its UUID text. */
@Entity
public class ShippingDocument {
    @Id
    @Column(unique = true, length = 36)
    String id;

    @ManyToOne(optional = false)
    Booking booking;

    @Column(nullable = false, length = 20)
    String kind;

    byte[] content;
}
