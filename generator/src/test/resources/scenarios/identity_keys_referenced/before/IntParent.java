package scenarios.identity_keys_referenced.before;

import jakarta.persistence.*;
import java.util.Set;

@Entity
@Table(name = "int_parent")
public class IntParent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Integer id;

    @Column(name = "name", length = 100, nullable = false)
    String name;
}
