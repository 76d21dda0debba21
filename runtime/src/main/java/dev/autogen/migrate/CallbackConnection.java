package dev.autogen.migrate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * The connection a migration's Java callback receives: the migrator's own, inside the revision's transaction, with
 * the calls that would break that transaction refused ({@code commit}, {@code rollback()} of the whole transaction,
 * {@code setAutoCommit}, {@code close}, {@code abort}). Savepoints and everything else pass through.
 */
final class CallbackConnection {
    private static final Set<String> REFUSED = Set.of("commit", "setAutoCommit", "close", "abort");

    private CallbackConnection() {
    }

    static Connection guard(Connection connection, String description) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    boolean wholeRollback = name.equals("rollback") && (args == null || args.length == 0);
                    if (REFUSED.contains(name) || wholeRollback) {
                        throw new SQLException("the Java callback (" + description + ") called " + name
                                + ": the migrator owns the revision's transaction — throw an exception to roll it"
                                + " back instead");
                    }
                    if (name.equals("unwrap") || name.equals("isWrapperFor")) {
                        throw new SQLException("the Java callback's connection cannot be unwrapped");
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
