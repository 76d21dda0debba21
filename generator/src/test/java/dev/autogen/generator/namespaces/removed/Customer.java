package dev.autogen.generator.namespaces.removed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Names the default schema explicitly: the same table as one without a schema. */
@Entity
@Table(name = "customer", schema = "public")
public class Customer {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "name", length = 100, nullable = false)
    String name;
}
