package scenarios.lob_columns.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

@Entity
@Table(name = "customer")
public class Customer {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "name", length = 100, nullable = false)
    String name;

    @Lob
    @Column(name = "notes")
    String notes;

    @Lob
    @Column(name = "scan")
    byte[] scan;

    // no @Column, so no declared length: longtext on MariaDB
    @Lob
    String summary;

    @Lob
    @Column(name = "essay", length = 100000)
    String essay;

    @Lob
    @Column(name = "thumbnail", length = 1000)
    byte[] thumbnail;
}
