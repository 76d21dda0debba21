package scenarios.unique_on_primary_key.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "tag")
public class Tag {
    @Id
    @Column(name = "tag_id", unique = true)
    Long id;

    @Column(name = "label", length = 50, nullable = false)
    String label;
}
