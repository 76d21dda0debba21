package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

/** A copy of a printed edition. */
@Entity
@DiscriminatorValue("B")
public class BookCopy extends Item {
    @ManyToOne
    Edition edition;

    @Column(length = 20)
    String shelfMark;
}
