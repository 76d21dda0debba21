package dev.autogen.generator.rename.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Rename-test fixture: a new entity whose table looks like a hand-made one already in the database. */
@Entity
@Table(name = "contact")
public class Contact {
    @Id
    Long id;

    @Column(name = "full_name", length = 120, nullable = false)
    String fullName;

    @Column(name = "phone_no", length = 20)
    String phoneNo;
}
