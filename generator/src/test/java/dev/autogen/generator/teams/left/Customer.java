package dev.autogen.generator.teams.left;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Teams-test fixture: one branch adds email. */
@Entity
@Table(name = "customer")
public class Customer {
    @Id
    Long id;

    @Column(name = "full_name", length = 120, nullable = false)
    String fullName;

    @Column(name = "email", length = 100)
    String email;
}
