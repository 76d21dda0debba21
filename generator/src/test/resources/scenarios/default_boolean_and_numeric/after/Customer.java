package scenarios.default_boolean_and_numeric.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hibernate.annotations.ColumnDefault;

@Entity
@Table(name = "customer")
public class Customer {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "name", length = 100, nullable = false)
    String name;

    @ColumnDefault("false")
    @Column(name = "vip", nullable = false)
    boolean vip;

    @ColumnDefault("0.00")
    @Column(name = "balance", precision = 10, scale = 2, nullable = false)
    BigDecimal balance;

    @ColumnDefault("'n/a'")
    @Column(name = "note", length = 20)
    String note;
}
