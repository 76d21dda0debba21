package dev.autogen.generator.loop.before;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import jakarta.persistence.Table;
import java.util.UUID;

/** Loop-test fixture, "before" state. */
@Entity
@Table(name = "customer")
public class Customer {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    UUID id;

    @Column(name = "full_name", length = 120, nullable = false)
    String fullName;

    @Column(name = "email", length = 320, nullable = false, unique = true)
    String email;

}
