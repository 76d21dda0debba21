package dev.autogen.generator.rls.restrictive;

import dev.autogen.annotations.Policy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Row-level security fixture: a permissive policy lets every role read and write every row, and a restrictive one
 * narrows that to the rows that are not archived.
 */
@Entity
@Table(name = "document")
@Policy(name = "everyone", using = "true")
@Policy(name = "not_archived", restrictive = true, using = "not archived")
public class Document {
    @Id
    Long id;

    @Column(name = "archived", nullable = false)
    boolean archived;

    @Column(name = "title", length = 200)
    String title;
}
