package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

/** A voyage of a vessel, a sequence of carrier movements. */
@Entity
public class Voyage {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Long id;

    @Column(nullable = false, unique = true, length = 12)
    String voyageNumber;

    @ManyToOne(optional = false)
    Vessel vessel;
}
