package dev.autogen.op;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Java code a migration runs on the database for what SQL alone says badly (a data fix that needs a loop, a lookup,
 * a computed value). The migrator calls it inside the revision's transaction, so an exception rolls the whole
 * revision back. The connection must not be committed, rolled back or closed: the migrator owns the transaction, and
 * the connection it passes refuses those calls.
 */
@FunctionalInterface
public interface ConnectionCallback {
    void run(Connection connection) throws SQLException;
}
