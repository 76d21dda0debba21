package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

/** The party that receives the cargo. */
@Entity
public class Consignee extends Party {
    @Column(length = 40)
    String customsReference;
}
