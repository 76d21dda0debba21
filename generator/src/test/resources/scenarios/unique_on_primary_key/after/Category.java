package scenarios.unique_on_primary_key.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

@Entity
@Table(name = "category", uniqueConstraints = @UniqueConstraint(name = "uq_category_key", columnNames = "category_id"))
public class Category {
    @Id
    @Column(name = "category_id", unique = true)
    Long id;

    @Column(name = "name", length = 100, nullable = false, unique = true)
    String name;
}
