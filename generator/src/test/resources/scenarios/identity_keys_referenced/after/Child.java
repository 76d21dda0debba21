package scenarios.identity_keys_referenced.after;

import jakarta.persistence.*;
import java.util.Set;

@Entity
@Table(name = "child")
public class Child {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "name", length = 100, nullable = false)
    String name;

    @ManyToOne(optional = false)
    @JoinColumn(name = "short_parent_id", nullable = false)
    ShortParent shortParent;

    @ManyToOne(optional = false)
    @JoinColumn(name = "int_parent_id", nullable = false)
    IntParent intParent;

    @ManyToOne
    @JoinColumn(name = "long_parent_id")
    LongParent longParent;
}
