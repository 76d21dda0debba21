package dev.autogen.generator.versions.zoo;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.Set;

/**
 * An owner whose collection tables have keys Hibernate derives: a {@code Set} join table whose owner column sorts after
 * the element's ({@code zoo_id} after {@code animals_id}), a {@code Set} of values, and a map.
 */
@Entity
@Table(name = "zoo")
public class Zoo {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(length = 100, nullable = false)
    String name;

    @ManyToMany
    Set<Animal> animals;

    @ElementCollection
    @CollectionTable(name = "zoo_keeper", joinColumns = @JoinColumn(name = "zoo_id"))
    @Column(name = "keeper_badge")
    Set<Integer> keepers;

    @ElementCollection
    @CollectionTable(name = "zoo_feeding", joinColumns = @JoinColumn(name = "zoo_id"))
    @MapKeyColumn(name = "animal_kind", length = 40)
    @Column(name = "grams")
    Map<String, Long> feeding;
}
