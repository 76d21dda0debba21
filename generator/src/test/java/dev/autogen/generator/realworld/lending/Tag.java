package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

/** A free tag, its text the id (declared unique too). */
@Entity
public class Tag {
    @Id
    @Column(unique = true, length = 40)
    String label;
}
