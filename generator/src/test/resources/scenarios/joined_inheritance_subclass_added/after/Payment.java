package scenarios.joined_inheritance_subclass_added.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "payment")
@Inheritance(strategy = InheritanceType.JOINED)
public abstract class Payment {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "amount", precision = 12, scale = 2, nullable = false)
    BigDecimal amount;
}
