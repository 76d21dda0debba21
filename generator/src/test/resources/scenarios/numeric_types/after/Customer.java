package scenarios.numeric_types.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "customer")
public class Customer {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "name", length = 100, nullable = false)
    String name;

    @Column(name = "c_short")
    Short cShort;

    @Column(name = "c_byte")
    Byte cByte;

    @Column(name = "c_float")
    Float cFloat;

    @Column(name = "c_double")
    Double cDouble;

    @Column(name = "c_decimal")
    BigDecimal cDecimal;
}
