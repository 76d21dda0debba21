package dev.autogen.generator.explain.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** Explain fixture, "after" state: a longer name, no nickname, a required email, a new indexed phone. */
@Entity
@Table(name = "customer", indexes = @Index(columnList = "phone"))
public class Customer {
    @Id
    Long id;

    @Column(name = "full_name", length = 200)
    String fullName;

    @Column(nullable = false)
    String email;

    @Column(length = 20)
    String phone;
}
