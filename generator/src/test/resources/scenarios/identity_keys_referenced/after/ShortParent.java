package scenarios.identity_keys_referenced.after;

import jakarta.persistence.*;
import java.util.Set;

@Entity
@Table(name = "short_parent")
public class ShortParent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Short id;

    @Column(name = "name", length = 100, nullable = false)
    String name;
}
