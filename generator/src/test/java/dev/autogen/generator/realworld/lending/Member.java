package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

import java.time.LocalDate;

/** A borrower, by membership number, with a home branch. */
@Entity
public class Member extends Person {
    @Column(nullable = false, unique = true, length = 12)
    String membershipNumber;

    @ManyToOne
    Branch homeBranch;

    LocalDate expires;
}
