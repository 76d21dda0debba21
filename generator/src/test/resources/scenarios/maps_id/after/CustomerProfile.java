package scenarios.maps_id.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "customer_profile")
public class CustomerProfile {
    @Id
    Long id;

    @MapsId
    @OneToOne
    @JoinColumn(name = "customer_id")
    Customer customer;

    @Column(name = "nickname", length = 40)
    String nickname;
}
