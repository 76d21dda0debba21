package dev.autogen.generator.jpa.converted;

import java.io.Serializable;

/** An amount in cents; Serializable, so without its converter Hibernate would silently map it as bytes. */
public record Money(long cents) implements Serializable {
}
