package scenarios.converter_auto_applied.before;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "product")
public class Product {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "name", length = 100, nullable = false)
    String name;
}
