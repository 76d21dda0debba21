package dev.autogen.generator.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A snapshot shared between the in-sync fingerprint's transaction and the catalog read, on a real PostgreSQL: a
 * change committed after the export is invisible to both sides (so a fingerprint and a read taken at the same time
 * describe one state), and once the exporter has ended, importing fails, which is what sends the check back to
 * reading after the fingerprint.
 */
class CatalogSnapshotTest {

    @Test
    void readsInAnImportedSnapshotSeeTheExportersStateNotLaterChanges() throws SQLException {
        String url = TestDatabases.freshPostgres("catalog_snapshot");
        execute(url, "create table item (id bigint primary key)");
        try (Connection exporter = DriverManager.getConnection(url)) {
            CatalogSnapshot snapshot = CatalogSnapshot.export(exporter);
            execute(url, "create table added_later (id bigint)", "alter table item add column name text");
            String fingerprint = CatalogFingerprint.of(exporter, Dialect.POSTGRESQL);

            Schema shared;
            try (Connection reader = snapshot.importInto(DriverManager.getConnection(url))) {
                shared = new PostgresCatalogReader().read(reader,
                        () -> snapshot.importInto(DriverManager.getConnection(url)), null, Set.of());
            }
            Schema now;
            String fingerprintNow;
            try (Connection plain = DriverManager.getConnection(url)) {
                now = new PostgresCatalogReader().read(plain, null);
                fingerprintNow = CatalogFingerprint.of(plain, Dialect.POSTGRESQL);
            }
            assertEquals(List.of("item"), shared.tables().stream().map(Table::name).toList());
            assertEquals(1, shared.table("item").orElseThrow().columns().size(), "the column added later is not seen");
            assertEquals(List.of("added_later", "item"), now.tables().stream().map(Table::name).toList());
            assertTrue(!fingerprint.equals(fingerprintNow), "the fingerprint is the exporter's state, too");
        }
    }

    @Test
    void aSnapshotWhoseExporterEndedCannotBeImported() throws SQLException {
        String url = TestDatabases.freshPostgres("catalog_snapshot_ended");
        CatalogSnapshot snapshot;
        int exporterPid;
        try (Connection exporter = DriverManager.getConnection(url)) {
            exporterPid = backendPid(exporter);
            snapshot = CatalogSnapshot.export(exporter);
        }
        Connection late = DriverManager.getConnection(url);
        // a closed connection's server process ends a moment later, and its snapshot with it
        awaitGone(late, exporterPid);
        assertThrows(SQLException.class, () -> snapshot.importInto(late));
        assertTrue(late.isClosed(), "a failed import closes its connection");
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void awaitGone(Connection c, int pid) throws SQLException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        try (var st = c.prepareStatement("select count(*) from pg_stat_activity where pid = ?")) {
            st.setInt(1, pid);
            while (System.nanoTime() < deadline) {
                try (var rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
        }
        throw new AssertionError("the exporter's server process " + pid + " did not end within 10 s");
    }

    private static void execute(String url, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }
}
