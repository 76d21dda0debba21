package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

import java.time.LocalDate;

/** An item lent to a member. */
@Entity
@Table(indexes = {
        @Index(name = "loan_member_due_idx", columnList = "member_id, dueOn"),
        @Index(name = "loan_item_idx", columnList = "item_id")})
public class Loan {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(optional = false)
    Item item;

    @ManyToOne(optional = false)
    Member member;

    @ManyToOne
    Staff issuedBy;

    @Column(nullable = false)
    LocalDate lentOn;

    @Column(nullable = false)
    LocalDate dueOn;

    LocalDate returnedOn;

    int renewals;
}
