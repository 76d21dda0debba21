package scenarios.widen_indexed_column.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

@Entity
@Table(name = "customer", indexes = @Index(name = "ix_customer_email", columnList = "email"),
        uniqueConstraints = @UniqueConstraint(name = "uq_customer_email_name", columnNames = {"email", "name"}))
public class Customer {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "name", length = 100, nullable = false)
    String name;

    @Column(name = "email", length = 320)
    String email;
}
