package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

/** A tank container for liquids. */
@Entity
@DiscriminatorValue("TANK")
public class TankContainer extends Container {
    Integer capacityLiters;

    @Column(length = 10)
    String unNumber;
}
