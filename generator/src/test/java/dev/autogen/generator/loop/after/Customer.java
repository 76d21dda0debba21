package dev.autogen.generator.loop.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.util.UUID;

/** Loop-test fixture, "after" state. */
@Entity
@Table(name = "customer", indexes = @Index(name = "ix_customer_phone", columnList = "phone"))
public class Customer {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    UUID id;

    @Column(name = "full_name", length = 120, nullable = false)
    String fullName;

    @Column(name = "email", length = 320, nullable = false, unique = true)
    String email;

    @Column(name = "phone", length = 20)
    String phone;
}
