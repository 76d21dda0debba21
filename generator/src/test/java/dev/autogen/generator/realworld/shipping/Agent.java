package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

/** A forwarding agent, working for a port and reporting to another agent (a self reference in a subclass). */
@Entity
public class Agent extends Party {
    @ManyToOne
    Port port;

    @ManyToOne
    Agent supervisor;

    @Column(precision = 5, scale = 2)
    java.math.BigDecimal commissionPercent;
}
