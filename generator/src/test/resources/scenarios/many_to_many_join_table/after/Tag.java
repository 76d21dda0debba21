package scenarios.many_to_many_join_table.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "tag")
public class Tag {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "label", length = 50, nullable = false)
    String label;
}
