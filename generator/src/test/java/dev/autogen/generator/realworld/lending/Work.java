package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A work, whatever edition of it a branch holds: its authors (Set), subjects in order (List) and tags. */
@Entity
public class Work {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "work_ids")
    @SequenceGenerator(name = "work_ids", sequenceName = "work_seq", allocationSize = 25)
    Long id;

    @Column(nullable = false, length = 250)
    String title;

    @ManyToMany
    @JoinTable(name = "work_author",
            joinColumns = @JoinColumn(name = "work_id"),
            inverseJoinColumns = @JoinColumn(name = "author_id"))
    Set<Author> authors = new HashSet<>();

    @ManyToMany
    @JoinTable(name = "work_subject")
    @OrderColumn(name = "rank")
    List<Subject> subjects = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "work_tag")
    Set<Tag> tags = new HashSet<>();
}
