package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A booking of containers for a cargo between two parties. */
@Entity
public class Booking {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true, length = 16)
    String reference;

    @ManyToOne(optional = false)
    Shipper shipper;

    @ManyToOne(optional = false)
    Consignee consignee;

    @ManyToOne
    Agent agent;

    @ManyToOne(optional = false)
    Cargo cargo;

    @ManyToMany
    @JoinTable(name = "booking_container",
            joinColumns = @JoinColumn(name = "booking_id"),
            inverseJoinColumns = @JoinColumn(name = "container_id"))
    Set<Container> containers = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "booking_instruction")
    @OrderColumn(name = "position")
    @Column(name = "instruction", length = 200)
    List<String> instructions = new ArrayList<>();
}
