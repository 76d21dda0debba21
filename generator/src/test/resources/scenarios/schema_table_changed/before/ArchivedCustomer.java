package scenarios.schema_table_changed.before;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(name = "archived_customer", schema = "archive")
public class ArchivedCustomer {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "name", length = 100, nullable = false)
    String name;
}
