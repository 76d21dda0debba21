package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

/** Terminal staff, with a manager (a self reference). */
@Entity
public class Employee {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(unique = true)
    Integer id;

    @Column(nullable = false, length = 80)
    String fullName;

    @ManyToOne
    Employee manager;

    @ManyToOne
    Terminal terminal;
}
