package dev.autogen.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several PostgreSQL servers for fleet tests: {@value #COUNT} embedded (zonky) servers on free ports, each started by
 * {@link TestPostgres#startSeparateServer} once per test JVM on first use and shared by every test class;
 * {@link #freshDatabase} makes a new database on one of them, so test classes never see each other's tables. A URL
 * carries user and password as parameters (test servers only).
 */
public final class TestServers {
    public static final int COUNT = 3;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile List<Integer> ports;

    private TestServers() {
    }

    /** A JDBC URL of a new, empty database on server {@code server} (0 to {@value #COUNT} - 1). */
    public static String freshDatabase(int server, String hint) {
        int port = ports().get(server);
        String name = ("f_" + hint.replaceAll("[^A-Za-z0-9]", "_") + "_" + COUNTER.incrementAndGet())
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url(port, "postgres")); Statement st = c.createStatement()) {
            st.execute("create database \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return url(port, name);
    }

    /** The URL of {@code database} on server {@code server} without user and password. */
    public static String bareUrl(int server, String database) {
        return "jdbc:postgresql://localhost:" + ports().get(server) + "/" + database;
    }

    private static String url(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres&password=postgres";
    }

    private static List<Integer> ports() {
        List<Integer> p = ports;
        if (p == null) {
            synchronized (TestServers.class) {
                p = ports;
                if (p == null) {
                    p = start();
                    ports = p;
                }
            }
        }
        return p;
    }

    private static List<Integer> start() {
        List<Integer> started = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            started.add(TestPostgres.startSeparateServer());
        }
        return List.copyOf(started);
    }
}
