package dev.autogen.op;

import java.util.List;
import java.util.Objects;

/**
 * Which tenants a {@link ForEachTenant} step runs for: a fixed list, or a query the migrator runs (as itself, before
 * switching role) whose first column lists them. Either way they are taken in sorted order, so a run and its rerun
 * visit them in the same order.
 *
 * @param names the tenants, when listed (empty when {@code query} is set)
 * @param query SQL whose first column is the tenants, or null when listed
 */
public record Tenants(List<String> names, String query) {
    public Tenants {
        names = List.copyOf(names);
        if (query == null && names.isEmpty()) {
            throw new IllegalArgumentException("no tenants: list at least one, or give a query that lists them");
        }
        if (query != null && (!names.isEmpty() || query.isBlank())) {
            throw new IllegalArgumentException("tenants come from a list or from a non-empty query, not both");
        }
    }

    /** These tenants (as the tenant setting holds them: a uuid, a number, a name, as text). */
    public static Tenants of(String... names) {
        return new Tenants(List.of(names), null);
    }

    /** These tenants. */
    public static Tenants of(List<String> names) {
        return new Tenants(names, null);
    }

    /** The tenants the first column of {@code sql} lists, read when the step runs. */
    public static Tenants query(String sql) {
        return new Tenants(List.of(), Objects.requireNonNull(sql, "sql"));
    }

    /** The listed tenants, sorted and without repeats. */
    public List<String> sortedNames() {
        return names.stream().distinct().sorted().toList();
    }
}
