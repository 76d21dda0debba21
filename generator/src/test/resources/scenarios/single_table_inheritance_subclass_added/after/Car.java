package scenarios.single_table_inheritance_subclass_added.after;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("CAR")
public class Car extends Vehicle {
    @Column(name = "seats")
    Integer seats;
}
