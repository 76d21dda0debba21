package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

/** Where a library, branch or person can be reached. */
@Embeddable
public class PostalAddress {
    @Column(length = 120)
    String line1;

    @Column(length = 80)
    String town;

    @Column(length = 12)
    String postcode;
}
