package scenarios.column_check.before;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "product")
public class Product {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "price", precision = 10, scale = 2, nullable = false)
    BigDecimal price;

    @Column(name = "discount", precision = 10, scale = 2)
    BigDecimal discount;
}
