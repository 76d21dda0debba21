package dev.autogen.generator.jpa.converted;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Scanner fixture: an entity with an attribute typed by an auto-applied converter. */
@Entity
@Table(name = "product")
public class Product {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "name", length = 100, nullable = false)
    String name;

    @Column(name = "price", nullable = false)
    Money price;
}
