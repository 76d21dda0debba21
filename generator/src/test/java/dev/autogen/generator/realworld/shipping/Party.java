package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

/** Anyone a booking names: shippers, consignees and agents, each in its own table (JOINED). */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public abstract class Party {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "party_ids")
    @SequenceGenerator(name = "party_ids", sequenceName = "party_seq", allocationSize = 20)
    Long id;

    @Column(nullable = false, length = 120)
    String name;

    @Embedded
    Address address;
}
