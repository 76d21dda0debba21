package scenarios.long_names_truncated.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

@Entity
@Table(name = "customer_loyalty_programme_membership_history",
        uniqueConstraints = @UniqueConstraint(columnNames = {"membership_tier_identifier", "enrollment_channel_identifier"}),
        indexes = @Index(columnList = "enrollment_channel_identifier"))
public class Membership {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "membership_tier_identifier", length = 20)
    String tier;

    @Column(name = "enrollment_channel_identifier", length = 20)
    String channel;
}
