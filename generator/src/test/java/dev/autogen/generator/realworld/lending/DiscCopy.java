package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

/** An audio or video disc. */
@Entity
@DiscriminatorValue("D")
public class DiscCopy extends Item {
    @ManyToOne
    Work work;

    Integer runningMinutes;
}
