package scenarios.schema_table_changed.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(name = "archived_customer", schema = "archive",
        indexes = @Index(name = "ix_archived_customer_name", columnList = "name"))
public class ArchivedCustomer {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "name", length = 200, nullable = false)
    String name;
}
