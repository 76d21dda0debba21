package scenarios.foreign_key_across_schemas.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Table;
import java.util.Set;

/** A table in schema "crm" that references one in the default schema, and a join table in a third schema. */
@Entity
@Table(name = "note", schema = "crm")
public class Note {
    @Id
    @Column(name = "id")
    Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "customer_id")
    Customer customer;

    @ManyToMany
    @JoinTable(name = "note_watcher", schema = "links",
            joinColumns = @JoinColumn(name = "note_id"), inverseJoinColumns = @JoinColumn(name = "customer_id"))
    Set<Customer> watchers;
}
