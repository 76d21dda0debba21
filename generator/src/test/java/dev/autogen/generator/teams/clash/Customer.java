package dev.autogen.generator.teams.clash;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Teams-test fixture: another branch adds email too, shorter. */
@Entity
@Table(name = "customer")
public class Customer {
    @Id
    Long id;

    @Column(name = "full_name", length = 120, nullable = false)
    String fullName;

    @Column(name = "email", length = 50)
    String email;
}
