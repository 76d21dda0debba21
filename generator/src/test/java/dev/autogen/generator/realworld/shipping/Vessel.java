package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

/** A ship by its IMO number. */
@Entity
public class Vessel {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "vessel_ids")
    @SequenceGenerator(name = "vessel_ids", sequenceName = "vessel_seq", initialValue = 100, allocationSize = 1)
    Integer id;

    @Column(nullable = false, unique = true, length = 7)
    String imoNumber;

    @Column(nullable = false, length = 80)
    String name;

    @ManyToOne
    Country flag;

    int teuCapacity;
}
