package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

/** A librarian at a branch, reporting to another (a self reference in a subclass). */
@Entity
public class Staff extends Person {
    @ManyToOne(optional = false)
    Branch branch;

    @ManyToOne
    Staff supervisor;

    @Column(length = 40)
    String role;
}
