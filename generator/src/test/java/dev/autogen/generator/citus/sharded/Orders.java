package dev.autogen.generator.citus.sharded;

import dev.autogen.annotations.Distributed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** Citus fixture: distributed by tenant_id, which its primary key contains; references a reference table. */
@Entity
@Table(name = "orders")
@Distributed(column = "tenant_id")
@IdClass(Orders.Key.class)
public class Orders {
    @Id
    @Column(name = "tenant_id")
    Long tenantId;

    @Id
    Long id;

    @ManyToOne
    @JoinColumn(name = "country_code")
    Country country;

    /** The composite key. */
    public static class Key implements Serializable {
        Long tenantId;
        Long id;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, id);
        }
    }
}
