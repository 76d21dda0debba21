package dev.autogen.generator.unmanaged.before;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Unmanaged-tables fixture, "before" state: an entity the "after" state removes (its table is then dropped). */
@Entity
@Table(name = "note")
public class Note {
    @Id
    Long id;

    @Column(name = "body", length = 500)
    String body;

    @ManyToOne
    Customer customer;
}
