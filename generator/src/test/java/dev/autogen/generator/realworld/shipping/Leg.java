package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

/** One leg of a cargo's itinerary. */
@Entity
public class Leg {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Long id;

    @ManyToOne(optional = false)
    Cargo cargo;

    @ManyToOne(optional = false)
    Voyage voyage;

    @ManyToOne(optional = false)
    Port loadLocation;

    @ManyToOne(optional = false)
    Port unloadLocation;

    int legIndex;
}
