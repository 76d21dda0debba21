package scenarios.identity_keys_referenced.before;

import jakarta.persistence.*;
import java.util.Set;

@Entity
@Table(name = "long_parent")
public class LongParent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "name", length = 100, nullable = false)
    String name;
}
