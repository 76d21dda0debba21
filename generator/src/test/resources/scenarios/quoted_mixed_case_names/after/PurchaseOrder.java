package scenarios.quoted_mixed_case_names.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

@Entity
@Table(name = "\"Order\"", indexes = @Index(columnList = "\"ShippedAt\""))
public class PurchaseOrder {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "\"OrderNo\"", length = 20, nullable = false)
    String orderNo;

    @Column(name = "\"ShippedAt\"")
    LocalDateTime shippedAt;
}
