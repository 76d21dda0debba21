package scenarios.table_per_class_subclass_added.before;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Account {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "owner", length = 100, nullable = false)
    String owner;
}
