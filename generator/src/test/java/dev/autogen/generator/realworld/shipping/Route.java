package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

import java.util.ArrayList;
import java.util.List;

/** A published service route: its ports of call in order (a List join table, a bag). */
@Entity
public class Route {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Long id;

    @Column(nullable = false, unique = true, length = 10)
    String serviceCode;

    @ManyToMany
    @JoinTable(name = "route_stop")
    List<Port> stops = new ArrayList<>();
}
