package dev.autogen.generator.rename.unhinted;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Rename-test fixture: phone_no renamed to phone without {@code @RenamedFrom}, so autogen can only guess. */
@Entity
@Table(name = "customer")
public class Customer {
    @Id
    Long id;

    @Column(name = "full_name", length = 120, nullable = false)
    String fullName;

    @Column(name = "phone", length = 20)
    String phone;
}
