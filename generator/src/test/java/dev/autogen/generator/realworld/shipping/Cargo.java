package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** The cargo being shipped, tracked by its tracking id (the mixed-case entity name of the brief). */
@Entity
public class Cargo {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cargo_ids")
    @SequenceGenerator(name = "cargo_ids", sequenceName = "cargo_seq", allocationSize = 50)
    Long id;

    @Column(nullable = false, unique = true, length = 20)
    String trackingId;

    @ManyToOne(optional = false)
    Port origin;

    @ManyToOne(optional = false)
    Port destination;

    LocalDate arrivalDeadline;

    @ElementCollection
    @CollectionTable(name = "cargo_tag", joinColumns = @JoinColumn(name = "cargo_id"))
    @Column(name = "tag", length = 30)
    Set<String> tags = new HashSet<>();
}
