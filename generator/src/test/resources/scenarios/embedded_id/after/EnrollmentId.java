package scenarios.embedded_id.after;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

@Embeddable
public class EnrollmentId implements Serializable {
    @Column(name = "student_id")
    Long studentId;

    @Column(name = "course_code", length = 12)
    String courseCode;

    @Override
    public boolean equals(Object other) {
        return other instanceof EnrollmentId that && Objects.equals(studentId, that.studentId)
                && Objects.equals(courseCode, that.courseCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(studentId, courseCode);
    }
}
