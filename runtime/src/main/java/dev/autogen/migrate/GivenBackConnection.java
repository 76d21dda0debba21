package dev.autogen.migrate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A connection handed out by something that keeps connections open (a rollout's line of targets, the check daemon):
 * a proxy whose {@code close()} gives the real connection back instead of closing it, and whose
 * {@code unwrap(Connection.class)} is the real one. The keeper decides what "back" means (cleaned, kept, or closed).
 */
public final class GivenBackConnection {
    /** What {@code close()} does with the real connection. */
    @FunctionalInterface
    public interface GiveBack {
        void giveBack(Connection real) throws SQLException;
    }

    private GivenBackConnection() {
    }

    public static Connection of(Connection real, GiveBack giveBack) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        giveBack.giveBack(real);
                        return null;
                    }
                    if (method.getName().equals("unwrap") && args != null && args[0] == Connection.class) {
                        return real;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
