package scenarios.unique_constraint_renamed.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

@Entity
@Table(name = "customer",
        uniqueConstraints = @UniqueConstraint(name = "customer_name_city_key", columnNames = {"name", "city"}))
public class Customer {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "name", length = 100, nullable = false)
    String name;

    @Column(name = "city", length = 80)
    String city;
}
