package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

import java.time.LocalDateTime;

/** A member waiting for an edition; one at a time per member and edition. */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"edition_id", "member_id"}))
public class Reservation {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reservation_ids")
    @SequenceGenerator(name = "reservation_ids", sequenceName = "reservation_seq", initialValue = 1, allocationSize = 1)
    Long id;

    @ManyToOne(optional = false)
    Edition edition;

    @ManyToOne(optional = false)
    Member member;

    @ManyToOne
    Branch pickupBranch;

    LocalDateTime placedAt;
}
