package com.example.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer of the sample shop: the entity this integration test edits. */
@Entity
@Table(name = "customer")
public class Customer {
    @Id
    private Long id;

    @Column(nullable = false, length = 120)
    private String name;

    /** Added after V0001 was written, with no migration: the drift `mvn verify` must report. */
    @Column(length = 32)
    private String phone;

    protected Customer() {
    }
}
