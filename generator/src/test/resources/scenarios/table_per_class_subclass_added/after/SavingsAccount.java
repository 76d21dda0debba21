package scenarios.table_per_class_subclass_added.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "savings_account")
public class SavingsAccount extends Account {
    @Column(name = "rate", precision = 5, scale = 3)
    BigDecimal rate;
}
