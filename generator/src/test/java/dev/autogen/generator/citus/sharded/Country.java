package dev.autogen.generator.citus.sharded;

import dev.autogen.annotations.ReferenceTable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Citus fixture: a reference table every tenant shares. */
@Entity
@Table(name = "country")
@ReferenceTable
public class Country {
    @Id
    String code;
}
