package dev.autogen.spring;

import dev.autogen.spring.app.TestApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the test application for real (in this JVM) and reads the database it migrated. */
final class TestApps {
    private static final Semaphore INITIALISING = new Semaphore(1);

    private TestApps() {
    }

    /**
     * Runs {@link TestApplication} against {@code url} with Hibernate's {@code ddl-auto=validate}, no web server (unless
     * the properties set {@code server.port}), and the given {@code key=value} properties on top.
     */
    static ConfigurableApplicationContext start(String url, String... properties) {
        boolean web = List.of(properties).stream().anyMatch(p -> p.startsWith("server.port="));
        List<String> all = new ArrayList<>(List.of(
                "spring.main.banner-mode=off",
                "spring.datasource.url=" + url,
                "spring.datasource.hikari.maximum-pool-size=3",
                "spring.jpa.hibernate.ddl-auto=validate",
                "spring.jpa.open-in-view=false",
                "logging.level.org.hibernate=warn"));
        if (url.startsWith("jdbc:sqlite:")) {
            all.add("spring.jpa.database-platform=org.hibernate.community.dialect.SQLiteDialect");
        }
        all.addAll(List.of(properties));
        AtomicBoolean initialising = new AtomicBoolean();
        return new SpringApplicationBuilder(TestApplication.class)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .properties(all.toArray(String[]::new))
                .listeners((ApplicationListener<ApplicationEvent>) event -> initialising(event, initialising))
                .run();
    }

    /**
     * Spring Boot initialises logging through JVM-wide system properties, so two applications starting at the same
     * moment in one JVM can break each other's logging set-up (separate processes cannot). The phases up to the
     * context's refresh therefore run one application at a time; the refresh itself, where the migrations run and
     * wait for each other's lock, runs concurrently.
     */
    private static void initialising(ApplicationEvent event, AtomicBoolean held) {
        if (event instanceof ApplicationStartingEvent) {
            INITIALISING.acquireUninterruptibly();
            held.set(true);
        } else if ((event instanceof ApplicationPreparedEvent || event instanceof ApplicationFailedEvent)
                && held.compareAndSet(true, false)) {
            INITIALISING.release();
        }
    }

    /** The rows of {@code sql}, each as its columns joined by a space. */
    static List<String> rows(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join(" ", values));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The innermost {@link AutogenStartupException} among {@code failure}'s causes, or null. */
    static AutogenStartupException startupFailure(Throwable failure) {
        AutogenStartupException found = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AutogenStartupException e) {
                found = e;
            }
        }
        return found;
    }
}
