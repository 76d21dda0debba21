package scenarios.embeddable_nested_with_overrides.after;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "customer")
public class Customer {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "name", length = 100, nullable = false)
    String name;

    @Embedded
    @AttributeOverride(name = "street", column = @Column(name = "billing_street", length = 200))
    @AttributeOverride(name = "city", column = @Column(name = "billing_city", length = 80))
    @AttributeOverride(name = "geo.lat", column = @Column(name = "billing_lat"))
    @AttributeOverride(name = "geo.lng", column = @Column(name = "billing_lng"))
    Address billing;

    @Embedded
    Address shipping;
}
