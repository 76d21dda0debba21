package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

/** The party that hands the cargo over. */
@Entity
public class Shipper extends Party {
    @Column(unique = true, length = 20)
    String accountNumber;

    boolean knownConsignor;
}
