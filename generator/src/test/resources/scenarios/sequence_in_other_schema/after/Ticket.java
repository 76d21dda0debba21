package scenarios.sequence_in_other_schema.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** An entity whose table and id sequence both live in schema "support". */
@Entity
@Table(name = "ticket", schema = "support")
public class Ticket {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_ids")
    @SequenceGenerator(name = "ticket_ids", sequenceName = "ticket_seq", schema = "support", allocationSize = 10)
    @Column(name = "id")
    Long id;
}
