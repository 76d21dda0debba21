package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

/** Anyone the library knows: members and staff, each in its own table (JOINED). */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public abstract class Person {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_ids")
    @SequenceGenerator(name = "person_ids", sequenceName = "person_seq", allocationSize = 50)
    Long id;

    @Column(nullable = false, length = 120)
    String fullName;

    @Column(unique = true, length = 120)
    String email;

    @Embedded
    PostalAddress address;
}
