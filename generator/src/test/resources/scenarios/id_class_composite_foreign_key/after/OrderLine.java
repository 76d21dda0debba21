package scenarios.id_class_composite_foreign_key.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "order_line")
@IdClass(OrderLineId.class)
public class OrderLine {
    @Id
    @Column(name = "order_no")
    Long orderNo;

    @Id
    @Column(name = "line_no")
    Integer lineNo;

    @Column(name = "quantity", nullable = false)
    int quantity;
}
