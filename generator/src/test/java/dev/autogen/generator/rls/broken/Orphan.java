package dev.autogen.generator.rls.broken;

import dev.autogen.annotations.TenantIsolated;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row-level security fixture: isolated by a column its table does not have (an error). */
@Entity
@Table(name = "orphan")
@TenantIsolated
public class Orphan {
    @Id
    Long id;
}
