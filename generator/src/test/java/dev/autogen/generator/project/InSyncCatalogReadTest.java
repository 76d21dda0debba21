package dev.autogen.generator.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autogen.generator.config.SettingsResolver;
import dev.autogen.schema.Schema;
import dev.autogen.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check}'s catalog read beside the in-sync fingerprint ({@link InSyncShortcut#alongsideCatalogRead}), on a real
 * PostgreSQL: read in the fingerprint's snapshot it is the catalog a plain read gives, and with room for only two
 * connections (the fingerprint's and the read's first), the queries the read would send on a second go on the first.
 * No connection is left open afterwards. (With room for one, the read waits for the fingerprint's connection to close
 * and reads on its own; not tested here: when the server has counted that connection's end is a race.)
 */
class InSyncCatalogReadTest {
    @TempDir
    Path records;

    @Test
    void theReadInTheFingerprintsSnapshotIsThePlainRead() throws SQLException {
        String url = TestDatabases.freshPostgres("in_sync_read");
        createTables(url);
        assertSharedReadIsPlainRead(url, null, null);
    }

    @Test
    void aServerThatRefusesTheThirdConnectionIsReadInTheSnapshotOnTwo() throws SQLException {
        int allowed = 2;
        String url = TestDatabases.freshPostgres("in_sync_refused");
        createTables(url);
        String role = "in_sync_limited_" + allowed;
        try (Connection admin = DriverManager.getConnection(url); Statement st = admin.createStatement()) {
            st.execute("drop role if exists " + role);
            st.execute("create role " + role + " login password 'limited' connection limit " + allowed);
        } catch (SQLException e) {
            assumeTrue(false, "the test server's user cannot create roles: " + e.getMessage());
        }
        assertSharedReadIsPlainRead(url, role, "limited");
    }

    private void assertSharedReadIsPlainRead(String url, String user, String password) throws SQLException {
        String bare = user == null ? url : url.substring(0, url.indexOf('?'));
        Project project = new Project(new SettingsResolver(Map.of(), records).resolve(new SettingsResolver.Options(
                bare, user, password, null, null, null, null, null, null, false)));
        Schema plain = project.readDefaultCatalog();
        Schema shared;
        try (InSyncShortcut shortcut = InSyncShortcut.at(project, records.resolve("in-sync"))) {
            shortcut.lookUp();
            shared = shortcut.alongsideCatalogRead(project::defaultCatalog);
        }
        assertEquals(plain, shared);
        assertEquals(2, plain.tables().size());
        // a closed connection's server process ends a moment later: give it up to two seconds
        int open = openConnections(url, user);
        for (int i = 0; i < 40 && open > 0; i++) {
            sleep();
            open = openConnections(url, user);
        }
        assertEquals(0, open, "connections left open");
    }

    private static void createTables(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("create table item (id bigint primary key, name varchar(40) not null unique)");
            st.execute("create table tag (id bigint primary key, item_id bigint references item (id))");
            st.execute("create index ix_tag_item on tag (item_id)");
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Connections of {@code user} (null: any but this one) to the test's database. */
    private static int openConnections(String url, String user) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from pg_stat_activity where datname = current_database()"
                     + " and pid <> pg_backend_pid()" + (user == null ? "" : " and usename = '" + user + "'"))) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
