package com.example.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A customer of the shop, as the project starts. */
@Entity
@Table(name = "customer")
public class Customer {
    /*
     * Not a Long IDENTITY: autogen renders that on SQLite as the rowid alias "integer primary key", which Spring Boot
     * 4.0.7's Hibernate (7.2) rejects under ddl-auto=validate ("found integer, expecting bigint").
     */
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(nullable = false, length = 120)
    private String name;

    protected Customer() {
    }

    public Customer(String name) {
        this.name = name;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
