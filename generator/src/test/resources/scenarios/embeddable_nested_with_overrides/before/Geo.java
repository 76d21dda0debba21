package scenarios.embeddable_nested_with_overrides.before;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Geo {
    @Column(name = "lat")
    Double lat;

    @Column(name = "lng")
    Double lng;
}
