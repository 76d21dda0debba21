package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

import java.util.HashSet;
import java.util.Set;

/** A branch of a library, with its weekly opening hours (a collection of embeddables). */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(name = "branch_library_name_uk", columnNames = {"library_id", "name"}))
public class Branch {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "branch_ids")
    @SequenceGenerator(name = "branch_ids", sequenceName = "branch_seq", allocationSize = 5)
    Integer id;

    @ManyToOne(optional = false)
    Library library;

    @Column(nullable = false, length = 80)
    String name;

    @Embedded
    PostalAddress address;

    @ElementCollection
    @CollectionTable(name = "branch_opening_hours", joinColumns = @JoinColumn(name = "branch_id"))
    Set<OpeningHours> openingHours = new HashSet<>();
}
