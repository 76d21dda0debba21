package scenarios.sequence_in_other_schema.before;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "placeholder")
public class Placeholder {
    @Id
    @Column(name = "id")
    Long id;
}
