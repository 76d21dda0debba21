package scenarios.add_many_to_one.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "purchase")
public class Purchase {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "amount", precision = 10, scale = 2, nullable = false)
    BigDecimal amount;

    @ManyToOne
    @JoinColumn(name = "referrer_id")
    Customer referrer;
}
