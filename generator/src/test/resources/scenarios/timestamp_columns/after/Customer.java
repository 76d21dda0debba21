package scenarios.timestamp_columns.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

@Entity
@Table(name = "customer")
public class Customer {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "name", length = 100, nullable = false)
    String name;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "confirmed_at")
    OffsetDateTime confirmedAt;

    @Column(name = "local_seen_at")
    LocalDateTime localSeenAt;

    @Column(name = "birth_date")
    LocalDate birthDate;

    @Column(name = "opens_at")
    LocalTime opensAt;
}
