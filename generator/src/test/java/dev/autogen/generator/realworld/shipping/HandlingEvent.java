package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

import java.time.Instant;

/** A handling of a cargo at a port (loaded, unloaded, customs...). */
@Entity
@Table(indexes = @Index(name = "handling_cargo_time_idx", columnList = "cargo_id, completionTime DESC"))
public class HandlingEvent {
    /** What happened. */
    public enum Type { RECEIVE, LOAD, UNLOAD, CLAIM, CUSTOMS }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(optional = false)
    Cargo cargo;

    @ManyToOne
    Voyage voyage;

    @ManyToOne(optional = false)
    Port location;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    Type type;

    @Column(nullable = false)
    Instant completionTime;
}
