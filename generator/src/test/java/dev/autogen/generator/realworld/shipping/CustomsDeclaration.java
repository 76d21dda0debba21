package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

/** A declaration of a cargo to a country's customs. */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(name = "customs_cargo_country_uk",
        columnNames = {"cargo_id", "country_code"}))
public class CustomsDeclaration {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(unique = true)
    Long id;

    @ManyToOne(optional = false)
    Cargo cargo;

    @ManyToOne(optional = false)
    Country country;

    @Column(nullable = false, length = 30)
    String declarationNumber;

    @Column(length = 2000)
    String remarks;
}
