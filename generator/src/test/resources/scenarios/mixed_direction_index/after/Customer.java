package scenarios.mixed_direction_index.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "customer", indexes = @Index(name = "ix_customer_city_recent", columnList = "city asc, created_at desc"))
public class Customer {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "name", length = 100, nullable = false)
    String name;

    @Column(name = "city", length = 80)
    String city;

    @Column(name = "created_at")
    Instant createdAt;
}
