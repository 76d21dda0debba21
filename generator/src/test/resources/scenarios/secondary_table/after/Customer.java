package scenarios.secondary_table.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;

@Entity
@Table(name = "customer")
@SecondaryTable(name = "customer_detail", pkJoinColumns = @PrimaryKeyJoinColumn(name = "customer_id"))
public class Customer {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "name", length = 100, nullable = false)
    String name;

    @Column(name = "bio", table = "customer_detail", length = 500)
    String bio;
}
