package dev.autogen.generator.project;

import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.Dialect;
import dev.autogen.op.Operation;
import java.util.Collection;
import java.util.Comparator;
import java.util.Set;
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
        return of(entities, dialect, List.of());
    }

    /** {@link #of(Schema, Dialect)} without the tables the project accepts ({@code accepted-tenant-tables}). */
    public static List<String> of(Schema entities, Dialect dialect, Collection<String> accepted) {
        if (dialect != Dialect.POSTGRESQL) {
            return List.of();
        }
        return entities.tables().stream()
                .filter(t -> t.column(TENANT_COLUMN).isPresent() && !t.rowLevelSecurity().enabled())
                .filter(t -> !accepted.contains(t.name()))
                .sorted(Comparator.comparing(Table::name))
                .map(t -> hint(t.name()))
                .toList();
    }

    /**
     * The hints of {@code project} (its accepted tables left out) about the tables {@code plan} touches: what a new
     * migration carries as comments. A migration that does not touch a table says nothing about it; {@code check} and
     * {@code diff} print every hint once per run.
     */
    static List<String> touchedBy(Project project, List<Operation> plan) {
        Set<String> touched = TouchedTables.of(plan);
        return project.entitySchema().tables().stream()
                .filter(t -> touched.contains(t.name()))
                .map(t -> new Schema(List.of(t), List.of()))
                .flatMap(one -> of(one, project.dialect(), project.settings().acceptedTenantTables()).stream())
                .sorted()
                .toList();
    }

    /** The hints {@code project} prints: every mapped table's, except the accepted ones. */
    public static List<String> of(Project project) {
        return of(project.entitySchema(), project.dialect(), project.settings().acceptedTenantTables());
    }

    /** The hint for one table. */
    public static String hint(String table) {
        return table + " has " + TENANT_COLUMN + " but no row-level security: tenants' rows are not kept apart"
                + " (declare @TenantIsolated on the entity or its package)";
    }
}
