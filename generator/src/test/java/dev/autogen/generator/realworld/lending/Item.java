package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

import java.time.LocalDate;

/** A physical thing a branch lends; books, discs and magazines share its table (SINGLE_TABLE). */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "itemType", discriminatorType = DiscriminatorType.CHAR)
@DiscriminatorValue("I")
public class Item {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true, length = 14)
    String barcode;

    @ManyToOne(optional = false)
    Branch branch;

    LocalDate acquired;

    boolean withdrawn;
}
