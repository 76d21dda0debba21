package dev.autogen.generator.project;

import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.Dialect;
import java.util.Comparator;
import java.util.List;

/**
 * Row-level security is easy to forget on a new table of a multi-tenant model. A table the entities map that has the
 * tenant column ({@value #TENANT_COLUMN}) but no row-level security is named in a hint, printed by {@code autogen -m},
 * {@code diff} and {@code check} (a hint never fails {@code check}) and written at the top of a generated migration,
 * against PostgreSQL only.
 */
public final class TenantColumnHints {
    /** The column that marks a table as holding tenants' rows (the default of {@code @TenantIsolated}). */
    public static final String TENANT_COLUMN = "tenant_id";

    private TenantColumnHints() {
    }

    /**
     * One hint per such table of {@code entities}, sorted by table name; none on SQLite, which has no row-level
     * security to declare (the hint would be noise there, and the same entities are hinted at against PostgreSQL).
     */
    public static List<String> of(Schema entities, Dialect dialect) {
        if (dialect != Dialect.POSTGRESQL) {
            return List.of();
        }
        return entities.tables().stream()
                .filter(t -> t.column(TENANT_COLUMN).isPresent() && !t.rowLevelSecurity().enabled())
                .sorted(Comparator.comparing(Table::name))
                .map(t -> hint(t.name()))
                .toList();
    }

    /** The hint for one table. */
    public static String hint(String table) {
        return table + " has " + TENANT_COLUMN + " but no row-level security: tenants' rows are not kept apart"
                + " (declare @TenantIsolated on the entity or its package)";
    }
}
