package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

import java.time.LocalDateTime;

/** A vessel's stay at a berth. */
@Entity
@Table(indexes = @Index(columnList = "vessel_id"))
public class PortCall {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "port_call_ids")
    @SequenceGenerator(name = "port_call_ids", sequenceName = "port_call_seq")
    Long id;

    @ManyToOne(optional = false)
    Vessel vessel;

    @ManyToOne
    Berth berth;

    @Column(nullable = false)
    LocalDateTime arrival;

    LocalDateTime departure;
}
