package dev.autogen.generator.jpa.namedenum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An entity with a PostgreSQL named enum column, for {@code MariadbNamedEnumModelTest}. */
@Entity
@Table(name = "subscriber")
public class Subscriber {
    /** The plan of a subscriber. */
    public enum Plan { FREE, PRO }

    @Id
    Long id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "plan")
    Plan plan;
}
