package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

/** A library system with several branches. */
@Entity
public class Library {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(unique = true)
    Integer id;

    @Column(nullable = false, unique = true, length = 100)
    String name;

    @Embedded
    PostalAddress headOffice;
}
