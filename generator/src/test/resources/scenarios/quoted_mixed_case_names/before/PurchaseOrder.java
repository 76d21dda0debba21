package scenarios.quoted_mixed_case_names.before;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "\"Order\"")
public class PurchaseOrder {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "\"OrderNo\"", length = 20, nullable = false)
    String orderNo;
}
