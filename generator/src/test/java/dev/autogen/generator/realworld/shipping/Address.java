package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

/** A postal address, embedded in ports and parties. */
@Embeddable
public class Address {
    @Column(length = 120)
    String street;

    @Column(length = 80)
    String city;

    @Column(length = 16)
    String postalCode;

    @ManyToOne
    Country country;
}
