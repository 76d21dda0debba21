package scenarios.single_table_inheritance_subclass_added.after;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("TRUCK")
public class Truck extends Vehicle {
    @Column(name = "payload_kg")
    Integer payloadKg;
}
