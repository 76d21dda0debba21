package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

/** A publishing house. */
@Entity
public class Publisher {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true, length = 120)
    String name;

    @Embedded
    PostalAddress address;
}
