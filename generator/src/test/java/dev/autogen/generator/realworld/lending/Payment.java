package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

import java.time.Instant;

/** A member paying fines. */
@Entity
public class Payment {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Long id;

    @ManyToOne(optional = false)
    Member member;

    @Embedded
    @AttributeOverride(name = "value", column = @Column(name = "paid", precision = 10, scale = 2))
    Amount amount;

    Instant paidAt;
}
