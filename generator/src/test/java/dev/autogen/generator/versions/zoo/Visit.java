package dev.autogen.generator.versions.zoo;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An entity key of two columns, a bigint before an integer: whether a version reorders an entity's own key. */
@Entity
@Table(name = "visit")
@IdClass(VisitKey.class)
public class Visit {
    @Id
    @Column(name = "visitor_id")
    Long visitorId;

    @Id
    @Column(name = "day_number")
    Integer dayNumber;

    @Column(length = 200)
    String note;
}
