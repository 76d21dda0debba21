package com.example.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A customer of the shop after the developer's edit: it gained a phone column. */
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

    /** The developer's edit: a column that no migration adds until autogen:revision writes V0002. */
    @Column(length = 32)
    private String phone;

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

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }
}
