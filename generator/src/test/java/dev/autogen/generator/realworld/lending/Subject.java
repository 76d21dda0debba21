package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

/** A subject heading, narrower than its parent (a self reference). */
@Entity
public class Subject {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Integer id;

    @Column(nullable = false, unique = true, length = 100)
    String heading;

    @ManyToOne
    Subject broader;
}
