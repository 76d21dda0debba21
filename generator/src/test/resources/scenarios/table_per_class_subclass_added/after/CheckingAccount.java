package scenarios.table_per_class_subclass_added.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "checking_account")
public class CheckingAccount extends Account {
    @Column(name = "overdraft", precision = 12, scale = 2)
    BigDecimal overdraft;
}
