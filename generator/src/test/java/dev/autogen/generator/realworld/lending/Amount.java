package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

import java.math.BigDecimal;

/** Money in a currency. */
@Embeddable
public class Amount {
    @Column(precision = 10, scale = 2)
    BigDecimal value;

    @Column(length = 3)
    String currency;
}
