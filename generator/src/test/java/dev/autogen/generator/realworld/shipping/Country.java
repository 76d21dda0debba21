package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

/** A flag state and customs territory: its ISO code is the id, declared unique as well (as some schemas do). */
@Entity
public class Country {
    @Id
    @Column(unique = true, length = 2)
    String code;

    @Column(nullable = false, length = 80)
    String name;
}
