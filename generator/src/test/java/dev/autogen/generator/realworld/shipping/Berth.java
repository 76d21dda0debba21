package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

/** A berth of a terminal. */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"terminal_id", "number"}))
public class Berth {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "berth_ids")
    @SequenceGenerator(name = "berth_ids", sequenceName = "berth_seq", allocationSize = 10)
    Integer id;

    @ManyToOne(optional = false)
    Terminal terminal;

    int number;

    @Column(precision = 6, scale = 2)
    java.math.BigDecimal maxDraftMeters;
}
