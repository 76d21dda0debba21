package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

import java.time.Instant;

/** One hop of a voyage from one port to the next. */
@Entity
@Table(indexes = @Index(name = "movement_voyage_departure_idx", columnList = "voyage_id, departureTime"))
public class CarrierMovement {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Integer id;

    @ManyToOne(optional = false)
    Voyage voyage;

    @ManyToOne(optional = false)
    Port departurePort;

    @ManyToOne(optional = false)
    Port arrivalPort;

    Instant departureTime;

    Instant arrivalTime;
}
