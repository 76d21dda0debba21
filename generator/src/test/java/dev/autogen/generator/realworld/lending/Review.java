package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

/** A member's rating of a work; one per member and work. */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(name = "review_work_member_uk", columnNames = {"work_id", "member_id"}))
public class Review {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Integer id;

    @ManyToOne(optional = false)
    Work work;

    @ManyToOne(optional = false)
    Member member;

    short rating;

    @Column(length = 4000)
    String body;
}
