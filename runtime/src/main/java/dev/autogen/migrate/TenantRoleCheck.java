package dev.autogen.migrate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the current role can be trusted to stay inside one tenant's rows: row-level security does not hold a
 * superuser, a role with {@code BYPASSRLS}, nor a table's owner unless the table's row-level security is forced. Read
 * after {@code SET LOCAL ROLE}, so it is the role the tenant step runs as.
 */
final class TenantRoleCheck {
    private TenantRoleCheck() {
    }

    /** Why the current role is refused, or null when it is held by row-level security. */
    static String refusal(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select current_user, rolsuper, rolbypassrls from pg_roles"
                     + " where rolname = current_user")) {
            if (rs.next()) {
                String role = rs.getString(1);
                if (rs.getBoolean(2)) {
                    return "role " + role + " is a superuser, which row-level security never holds; run it"
                            + " .as(\"a role without superuser\")";
                }
                if (rs.getBoolean(3)) {
                    return "role " + role + " has BYPASSRLS, which row-level security never holds; run it"
                            + " .as(\"a role without BYPASSRLS\")";
                }
            }
        }
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select n.nspname || '.' || t.relname from pg_class t"
                     + " join pg_namespace n on n.oid = t.relnamespace"
                     + " where t.relowner = (select oid from pg_roles where rolname = current_user)"
                     + " and t.relkind in ('r', 'p') and t.relrowsecurity and not t.relforcerowsecurity"
                     + " order by 1 limit 5")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        if (!tables.isEmpty()) {
            return "the role it runs as owns " + String.join(", ", tables) + ", whose row-level security is not"
                    + " forced, so it would see every tenant's rows; run it .as(a role that owns no table) or force"
                    + " row-level security (@TenantIsolated(force = true))";
        }
        return null;
    }
}
