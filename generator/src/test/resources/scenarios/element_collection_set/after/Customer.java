package scenarios.element_collection_set.after;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.Set;

@Entity
@Table(name = "customer")
public class Customer {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "name", length = 100, nullable = false)
    String name;

    @ElementCollection
    @CollectionTable(name = "customer_email", joinColumns = @JoinColumn(name = "customer_id"))
    @Column(name = "email", length = 320)
    Set<String> emails;
}
