package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

/** What a late loan costs. */
@Entity
public class Fine {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Integer id;

    @OneToOne(optional = false)
    @JoinColumn(unique = true)
    Loan loan;

    @Embedded
    Amount amount;

    boolean waived;
}
