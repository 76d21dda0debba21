package scenarios.id_class_composite_foreign_key.after;

import java.io.Serializable;
import java.util.Objects;

public class OrderLineId implements Serializable {
    Long orderNo;
    Integer lineNo;

    @Override
    public boolean equals(Object other) {
        return other instanceof OrderLineId that && Objects.equals(orderNo, that.orderNo)
                && Objects.equals(lineNo, that.lineNo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(orderNo, lineNo);
    }
}
