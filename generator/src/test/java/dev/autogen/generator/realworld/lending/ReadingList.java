package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

import java.util.ArrayList;
import java.util.List;

/** A member's list of editions in their order (a List join table with an order column). */
@Entity
public class ReadingList {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(optional = false)
    Member owner;

    @Column(nullable = false, length = 80)
    String title;

    @ManyToMany
    @JoinTable(name = "reading_list_edition")
    @OrderColumn
    List<Edition> editions = new ArrayList<>();
}
