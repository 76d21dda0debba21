package dev.autogen.generator.teams.both;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Teams-test fixture: what the two branches together map. */
@Entity
@Table(name = "customer")
public class Customer {
    @Id
    Long id;

    @Column(name = "full_name", length = 120, nullable = false)
    String fullName;

    @Column(name = "email", length = 100)
    String email;

    @Column(name = "phone", length = 100)
    String phone;
}
