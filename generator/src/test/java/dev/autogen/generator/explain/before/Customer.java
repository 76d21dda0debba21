package dev.autogen.generator.explain.before;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Explain fixture, "before" state. */
@Entity
@Table(name = "customer")
public class Customer {
    @Id
    Long id;

    @Column(name = "full_name", length = 120)
    String fullName;

    @Column(length = 40)
    String nickname;

    String email;
}
