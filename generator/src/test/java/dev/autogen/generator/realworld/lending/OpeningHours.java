package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One day's opening hours of a branch. */
@Embeddable
public class OpeningHours {
    @Enumerated(EnumType.STRING)
    @Column(length = 9, nullable = false)
    DayOfWeek day;

    LocalTime opens;

    LocalTime closes;
}
