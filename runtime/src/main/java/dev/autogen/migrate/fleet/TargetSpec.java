package dev.autogen.migrate.fleet;

import dev.autogen.migrate.ConnectionFactory;
import dev.autogen.migrate.history.TenantLedger;
import java.util.List;
import java.util.Objects;

/**
 * One line of a targets file: a database ({@code url}) under a {@code name}, the credentials to reach it (the password
 * read from the environment variable the file names, never written in the file), a {@code group} for {@code --group},
 * how many connections the rollout may hold on it at once, and which tenant schemas of it to migrate: the listed
 * {@code schemas}, or those {@code schemasQuery} returns, or neither (the database itself is one target).
 *
 * @param passwordVariable the environment variable the password came from (for messages), or null
 * @param maxConnections at least 1; 0 means "no limit of its own" (only {@code --parallel})
 * @param ledger the schema of the server's tenant ledger ({@code ledger=}, {@link TenantLedger}) that keeps the tenant
 *     schemas' versions, or null: each tenant schema keeps its own
 */
public record TargetSpec(String name, String url, String user, String password, String passwordVariable, String group,
        int maxConnections, List<String> schemas, String schemasQuery, String source, String ledger) {
    public TargetSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        schemas = List.copyOf(schemas);
    }

    /** A target whose tenant schemas keep their own versions (no ledger). */
    public TargetSpec(String name, String url, String user, String password, String passwordVariable, String group,
            int maxConnections, List<String> schemas, String schemasQuery, String source) {
        this(name, url, user, password, passwordVariable, group, maxConnections, schemas, schemasQuery, source, null);
    }

    /** The tenant ledger of {@link #ledger}, or null. */
    public TenantLedger tenantLedger() {
        return ledger == null ? null : new TenantLedger(ledger);
    }

    /** The same target, its tenants' versions kept in the ledger in {@code schema} (null: in each tenant schema). */
    public TargetSpec withLedger(String schema) {
        return new TargetSpec(name, url, user, password, passwordVariable, group, maxConnections, schemas, schemasQuery,
                source, schema);
    }

    /** A target of its own database and default schema, without credentials beyond the URL's. */
    public static TargetSpec of(String name, String url) {
        return new TargetSpec(name, url, null, null, null, null, 0, List.of(), null, name);
    }

    /** The same target, migrating these tenant schemas. */
    public TargetSpec withSchemas(List<String> names) {
        return new TargetSpec(name, url, user, password, passwordVariable, group, maxConnections, names, null, source,
                ledger);
    }

    /** The same target in group {@code g}. */
    public TargetSpec inGroup(String g) {
        return new TargetSpec(name, url, user, password, passwordVariable, g, maxConnections, schemas, schemasQuery,
                source, ledger);
    }

    /** The same target, holding at most {@code n} connections at once. */
    public TargetSpec withMaxConnections(int n) {
        return new TargetSpec(name, url, user, password, passwordVariable, group, n, schemas, schemasQuery, source,
                ledger);
    }

    /** Whether the target names tenant schemas (a list or a query) rather than being one database. */
    public boolean hasSchemas() {
        return !schemas.isEmpty() || schemasQuery != null;
    }

    /** Connections to this target's database; each call opens a new one. */
    public ConnectionFactory connections() {
        return ConnectionFactory.of(url, user, password);
    }

    /**
     * By name and URL only: a spec keys the rollout's maps once per target it runs, and hashing its list of a thousand
     * schema names each time made a rollout quadratic in the schemas of a line. Consistent with {@code equals} (equal
     * specs have equal names and URLs).
     */
    @Override
    public int hashCode() {
        return 31 * name.hashCode() + url.hashCode();
    }

    /** Never the password: only the variable it came from. */
    @Override
    public String toString() {
        return "TargetSpec[" + name + " " + url + (user == null ? "" : " user=" + user)
                + (ledger == null ? "" : " ledger=" + ledger)
                + (passwordVariable == null ? "" : " password=${" + passwordVariable + "}") + "]";
    }
}
