package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

/** One edition of a work by its ISBN. */
@Entity
@Table(indexes = @Index(name = "edition_work_year_idx", columnList = "work_id, publicationYear"))
public class Edition {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Long id;

    @ManyToOne(optional = false)
    Work work;

    @ManyToOne
    Publisher publisher;

    @Column(unique = true, length = 13)
    String isbn;

    Integer publicationYear;

    @Column(length = 40)
    String format;
}
