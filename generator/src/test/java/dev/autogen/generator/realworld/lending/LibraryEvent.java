package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A course or reading group at a branch, on a list of dates (a List element collection, a bag). */
@Entity
public class LibraryEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Integer id;

    @ManyToOne(optional = false)
    Branch branch;

    @Column(nullable = false, length = 120)
    String title;

    @ElementCollection
    @CollectionTable(name = "library_event_session")
    @Column(name = "sessionDate")
    List<LocalDate> sessions = new ArrayList<>();
}
