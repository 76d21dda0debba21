package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

/** A refrigerated container. */
@Entity
@DiscriminatorValue("REEFER")
public class ReeferContainer extends Container {
    Double setPointCelsius;
}
