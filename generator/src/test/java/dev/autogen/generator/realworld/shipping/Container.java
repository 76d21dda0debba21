package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

/** A shipping container; reefers and tanks share its table (SINGLE_TABLE). */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind", length = 10)
@DiscriminatorValue("DRY")
public class Container {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true, length = 11)
    String containerNumber;

    @Embedded
    Dimensions dimensions;

    @ManyToOne
    Port currentPort;
}
