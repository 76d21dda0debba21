package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

/** Outer dimensions in millimetres. */
@Embeddable
public class Dimensions {
    int lengthMm;
    int widthMm;
    int heightMm;
}
