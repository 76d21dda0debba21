package dev.autogen.hazard;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;
import static dev.autogen.sql.DdlRenderer.quoteTable;

import dev.autogen.op.DropColumn;
import dev.autogen.op.DropTable;
import dev.autogen.op.Operation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether a data-losing operation would lose anything on this database now: a table dropped while it holds a row, a
 * column dropped while a row has a value in it. It lets a downgrade of a table or column nobody filled yet run
 * without confirmation, and fails closed: any other operation, a probe that cannot run (the table is not there yet,
 * no privilege), or a PostgreSQL table under row-level security (whose policies may hide rows from the probe) counts
 * as data at risk.
 */
public final class RowsAtRisk {
    private RowsAtRisk() {
    }

    /** True unless {@code operation} is a drop whose table or column provably holds no data on {@code connection}. */
    public static boolean atRisk(Connection connection, Operation operation) {
        String probe;
        String table;
        if (operation instanceof DropTable drop) {
            table = drop.name();
            probe = "select 1 from " + quoteTable(table);
        } else if (operation instanceof DropColumn drop) {
            table = drop.table();
            probe = "select 1 from " + quoteTable(table) + " where " + quoteIdentifier(drop.name()) + " is not null";
        } else {
            return true;
        }
        try (Statement statement = connection.createStatement()) {
            if (underRowSecurity(connection, table)) {
                return true;
            }
            statement.setMaxRows(1);
            try (ResultSet rows = statement.executeQuery(probe + " limit 1")) {
                return rows.next();
            }
        } catch (SQLException e) {
            return true;
        }
    }

    private static boolean underRowSecurity(Connection connection, String table) throws SQLException {
        if (!connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            return false;
        }
        try (var query = connection.prepareStatement(
                "select relrowsecurity from pg_class where oid = to_regclass(?)")) {
            query.setString(1, quoteTable(table));
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }
}
