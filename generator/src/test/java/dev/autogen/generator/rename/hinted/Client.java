package dev.autogen.generator.rename.hinted;

import dev.autogen.annotations.RenamedFrom;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Rename-test fixture: table customer renamed to client and phone_no to phone, both declared. */
@Entity
@Table(name = "client")
@RenamedFrom("customer")
public class Client {
    @Id
    Long id;

    @Column(name = "full_name", length = 120, nullable = false)
    String fullName;

    @RenamedFrom("phone_no")
    @Column(name = "phone", length = 20)
    String phone;
}
