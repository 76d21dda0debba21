package scenarios.column_comment_added.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Comment;

@Entity
@Table(name = "customer")
public class Customer {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "name", length = 100, nullable = false)
    String name;

    @Comment("where we write")
    @Column(name = "email", length = 320)
    String email;

    @Column(name = "phone", length = 20, comment = "mobile first")
    String phone;
}
