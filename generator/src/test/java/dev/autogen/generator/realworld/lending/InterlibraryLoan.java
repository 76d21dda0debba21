package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

import java.time.LocalDate;

/** An item sent from one branch to another. */
@Entity
public class InterlibraryLoan {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(optional = false)
    Item item;

    @ManyToOne(optional = false)
    Branch fromBranch;

    @ManyToOne(optional = false)
    Branch toBranch;

    LocalDate sentOn;
}
