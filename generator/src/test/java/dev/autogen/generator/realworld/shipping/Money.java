package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

import java.math.BigDecimal;

/** An amount in a currency. */
@Embeddable
public class Money {
    @Column(precision = 14, scale = 2)
    BigDecimal amount;

    @Column(length = 3)
    String currency;
}
