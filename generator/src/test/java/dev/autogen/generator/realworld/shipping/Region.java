package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

/** A trade region, nested in a larger one (a self reference). */
@Entity
public class Region {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Integer id;

    @Column(nullable = false, unique = true, length = 60)
    String name;

    @ManyToOne
    Region parent;
}
