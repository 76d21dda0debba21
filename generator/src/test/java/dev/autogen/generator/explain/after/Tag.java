package dev.autogen.generator.explain.after;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Explain fixture, "after" state: a new entity. */
@Entity
@Table(name = "tag")
public class Tag {
    @Id
    Long id;

    String name;
}
