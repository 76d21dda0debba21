package scenarios.index_on_foreign_key.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "purchase", indexes = @Index(columnList = "customer_id"))
public class Purchase {
    @Id
    @Column(name = "id")
    Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    Customer customer;

    @Column(name = "amount", precision = 10, scale = 2, nullable = false)
    BigDecimal amount;
}
