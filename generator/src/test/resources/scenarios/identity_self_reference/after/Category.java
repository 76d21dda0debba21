package scenarios.identity_self_reference.after;

import jakarta.persistence.*;
import java.util.Set;

@Entity
@Table(name = "category")
public class Category {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "name", length = 100, nullable = false)
    String name;

    @ManyToOne
    @JoinColumn(name = "parent_id")
    Category parent;
}
