package scenarios.referenced_key_type_widened.before;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "customer")
public class Customer {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "name", length = 100, nullable = false)
    String name;
}
