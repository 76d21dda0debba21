package scenarios.id_class_composite_foreign_key.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "shipment")
public class Shipment {
    @Id
    @Column(name = "id")
    Long id;

    @ManyToOne
    @JoinColumn(name = "order_no", referencedColumnName = "order_no")
    @JoinColumn(name = "line_no", referencedColumnName = "line_no")
    OrderLine line;
}
