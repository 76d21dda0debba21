package scenarios.embeddable_nested_with_overrides.before;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

@Embeddable
public class Address {
    @Column(name = "street", length = 200)
    String street;

    @Column(name = "city", length = 80)
    String city;

    @Embedded
    Geo geo;
}
