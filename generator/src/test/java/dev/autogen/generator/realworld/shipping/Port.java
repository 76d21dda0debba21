package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

/** A port by its UN/LOCODE. */
@Entity
@Table(indexes = @Index(name = "port_region_idx", columnList = "region_id"))
public class Port {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true, length = 5)
    String unLocode;

    @Column(nullable = false, length = 100)
    String name;

    @Embedded
    Address address;

    @ManyToOne(optional = false)
    Region region;
}
