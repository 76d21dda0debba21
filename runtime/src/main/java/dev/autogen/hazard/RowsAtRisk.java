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
 * without confirmation, and fails closed: any other operation, or a probe that cannot run (the table is not there
 * yet, no privilege), counts as data at risk.
 */
public final class RowsAtRisk {
    private RowsAtRisk() {
    }

    /** True unless {@code operation} is a drop whose table or column provably holds no data on {@code connection}. */
    public static boolean atRisk(Connection connection, Operation operation) {
        String probe;
        if (operation instanceof DropTable drop) {
            probe = "select 1 from " + quoteTable(drop.name());
        } else if (operation instanceof DropColumn drop) {
            probe = "select 1 from " + quoteTable(drop.table()) + " where " + quoteIdentifier(drop.name())
                    + " is not null";
        } else {
            return true;
        }
        try (Statement statement = connection.createStatement()) {
            statement.setMaxRows(1);
            try (ResultSet rows = statement.executeQuery(probe + " limit 1")) {
                return rows.next();
            }
        } catch (SQLException e) {
            return true;
        }
    }
}
