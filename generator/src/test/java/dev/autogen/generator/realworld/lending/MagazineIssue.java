package dev.autogen.generator.realworld.lending;

import jakarta.persistence.*;

/** An issue of a periodical. */
@Entity
@DiscriminatorValue("M")
public class MagazineIssue extends Item {
    @Column(length = 100)
    String periodical;

    Integer issueNumber;
}
