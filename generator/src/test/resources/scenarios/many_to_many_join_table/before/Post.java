package scenarios.many_to_many_join_table.before;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "post")
public class Post {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "title", length = 200, nullable = false)
    String title;
}
