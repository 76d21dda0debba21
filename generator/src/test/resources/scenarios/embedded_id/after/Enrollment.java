package scenarios.embedded_id.after;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "enrollment")
public class Enrollment {
    @EmbeddedId
    EnrollmentId id;

    @Column(name = "grade", length = 2)
    String grade;
}
