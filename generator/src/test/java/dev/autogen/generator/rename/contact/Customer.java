package dev.autogen.generator.rename.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Rename-test fixture, the names as they were. */
@Entity
@Table(name = "customer")
public class Customer {
    @Id
    Long id;

    @Column(name = "full_name", length = 120, nullable = false)
    String fullName;

    @Column(name = "phone_no", length = 20)
    String phoneNo;
}
