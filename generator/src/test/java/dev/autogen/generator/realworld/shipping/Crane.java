package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

/** A gantry crane working a terminal. */
@Entity
public class Crane {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Integer id;

    @ManyToOne(optional = false)
    Terminal terminal;

    @Column(nullable = false, unique = true, length = 20)
    String serialNumber;

    double liftTonnes;
}
