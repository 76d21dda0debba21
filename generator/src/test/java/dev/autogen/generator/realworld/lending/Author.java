package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

import java.util.HashSet;
import java.util.Set;

/** Someone who wrote works, under their names and pseudonyms. */
@Entity
public class Author {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Long id;

    @Column(nullable = false, length = 120)
    String name;

    Integer birthYear;

    @ElementCollection
    @CollectionTable(name = "author_pseudonym")
    @Column(name = "pseudonym", length = 120)
    Set<String> pseudonyms = new HashSet<>();
}
