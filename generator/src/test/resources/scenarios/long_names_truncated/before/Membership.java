package scenarios.long_names_truncated.before;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "customer_loyalty_programme_membership_history")
public class Membership {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "membership_tier_identifier", length = 20)
    String tier;

    @Column(name = "enrollment_channel_identifier", length = 20)
    String channel;
}
