package dev.autogen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.discovery.SourceDirectoryMigrationSource;
import dev.autogen.migrate.graph.RevisionGraphException;
import dev.autogen.migrate.history.AppliedRevisions;
import dev.autogen.migrate.history.HistoryEntry;
import dev.autogen.migrate.history.IntegrityProblem;
import dev.autogen.migrate.history.MigrationChecksum;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the database recorded against what the code says, on real PostgreSQL and SQLite: {@code stamp} (adopting a
 * database), {@code validate} (an edited, a deleted and an unknown applied revision), and {@code dependsOn} between
 * branches applied in the right order.
 */
class RevisionIntegrityTest {
    private static final Instant NOW = Instant.parse("2026-11-22T01:02:03Z");
    private static final String SOURCE = "the test migrations";

    @TempDir
    Path dir;

    private ConnectionFactory connections;

    private void database(Dialect dialect) {
        String url = switch (dialect) {
            case POSTGRESQL -> TestDatabases.freshPostgres("integrity");
            case SQLITE -> TestDatabases.freshSqlite("integrity");
            case MARIADB -> dev.autogen.testing.TestMariadb.fresh("integrity");
        };
        connections = ConnectionFactory.of(url, null, null);
    }

    private Migrator loaded;

    /** A migrator over the sources as they were on disk at the last {@link #reload}, compiled once. */
    private Migrator migrator(Dialect dialect) {
        if (loaded == null) {
            loaded = new Migrator(connections, dialect, new SourceDirectoryMigrationSource(dir).load())
                    .withAppliedBy("tester")
                    .withClock(Clock.fixed(NOW, ZoneOffset.UTC));
        }
        return loaded;
    }

    /** The sources changed: the next migrator recompiles them, as a new CLI run would. */
    private void reload() {
        loaded = null;
    }

    private void writeThree() {
        MigrationFiles.write(dir, "V0001_Init", "aaa111", null, "initial schema",
                List.of("create table users (id integer primary key)"), List.of("drop table users"));
        MigrationFiles.write(dir, "V0002_Orders", "bbb222", "aaa111", "orders",
                List.of("create table orders (id integer primary key)"), List.of("drop table orders"));
        MigrationFiles.write(dir, "V0003_Items", "ccc333", "bbb222", "items",
                List.of("create table items (id integer primary key)"), List.of("drop table items"));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void stampAdoptsAnExistingDatabaseWithoutRunningAnything(Dialect dialect) throws SQLException {
        database(dialect);
        writeThree();
        execute("create table users (id integer primary key)", "create table orders (id integer primary key)");

        assertEquals(List.of("bbb222"), migrator(dialect).stamp("bbb"));

        assertEquals(List.of("bbb222"), migrator(dialect).current());
        HistoryEntry stamp = migrator(dialect).history().get(0);
        assertEquals(List.of("bbb222 stamp by tester in 0 ms"), migrator(dialect).history().stream()
                .map(h -> h.revision() + " " + h.direction() + " by " + h.appliedBy() + " in " + h.durationMs() + " ms")
                .toList());
        assertEquals(MigrationChecksum.of(migrator(dialect).graph().get("bbb222")), stamp.checksum());
        assertEquals(NOW, stamp.appliedAt());
        // nothing ran: the stamped tables are the hand-made ones, and upgrade applies only what follows
        assertEquals(List.of("autogen_history", "autogen_version", "orders", "users"), tables(dialect));
        assertEquals(List.of("ccc333"), migrator(dialect).upgrade("head"));

        AppliedRevisions.Report report = migrator(dialect).validate(SOURCE);
        assertEquals(List.of(), report.problems());
        assertEquals(List.of("bbb222", "ccc333"), report.verified());
        assertEquals(List.of("aaa111"), report.unverified()); // applied implicitly by the stamp: no checksum row

        assertEquals(List.of(), migrator(dialect).stamp("base"));
        assertEquals(List.of(), migrator(dialect).current());
        assertEquals(List.of("autogen_history", "autogen_version", "items", "orders", "users"), tables(dialect));
        HistoryEntry base = migrator(dialect).history().get(2);
        assertEquals(List.of("base", "stamp", ""), List.of(base.revision(), base.direction(), base.checksum()));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void validateReportsAnEditedAppliedRevision(Dialect dialect) throws IOException {
        database(dialect);
        writeThree();
        migrator(dialect).upgrade("head");
        assertTrue(migrator(dialect).validate(SOURCE).valid());

        Path orders = dir.resolve("migrations/V0002_Orders.java");
        Files.writeString(orders, Files.readString(orders).replace("(id integer primary key)\"",
                "(id integer primary key, total integer)\""));
        reload();
        AppliedRevisions.Report report = migrator(dialect).validate(SOURCE);

        assertEquals(List.of(new IntegrityProblem(IntegrityProblem.Kind.EDITED, "bbb222", "revision bbb222"
                + " (V0002_Orders) was edited after it was applied (upgrade " + NOW + " by tester): its operations no"
                + " longer match the checksum recorded then — restore the applied version and put the change in a new"
                + " revision")), report.problems());
        assertEquals(List.of("aaa111", "ccc333"), report.verified());

        // a reformatted file (same operations) is not an edit
        Files.writeString(orders, Files.readString(orders).replace(", total integer", "")
                .replace("public void upgrade", "/* reformatted */ public   void upgrade"));
        reload();
        assertTrue(migrator(dialect).validate(SOURCE).valid());
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void validateReportsADeletedAppliedRevisionAsTheDatabaseBeingAhead(Dialect dialect) throws IOException {
        database(dialect);
        writeThree();
        migrator(dialect).upgrade("head");

        Files.delete(dir.resolve("migrations/V0003_Items.java"));
        reload();
        Migrator older = migrator(dialect);

        assertEquals(List.of(new IntegrityProblem(IntegrityProblem.Kind.MISSING, "ccc333", "the database is at"
                + " revision ccc333 (upgrade " + NOW + " by tester), which no migration in " + SOURCE + " defines:"
                + " the database is ahead of this code — update this checkout, or restore the deleted migration")),
                older.validate(SOURCE).problems());
        assertEquals(List.of("aaa111", "bbb222"), older.validate(SOURCE).verified());
        var e = assertThrows(RevisionGraphException.class, () -> older.upgrade("head"));
        assertTrue(e.getMessage().startsWith("the database is at revision ccc333, which no migration"), e::getMessage);
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void validateReportsAVersionRowNothingExplains(Dialect dialect) throws SQLException {
        database(dialect);
        writeThree();
        migrator(dialect).upgrade("+1");
        execute("insert into autogen_version (revision) values ('fff999')");

        assertEquals(List.of(new IntegrityProblem(IntegrityProblem.Kind.UNKNOWN, "fff999", "the database is at"
                + " revision fff999, which neither the migrations in " + SOURCE + " nor the database's history know"
                + " — it was set by hand or by another project; set the right one with autogen stamp REV")),
                migrator(dialect).validate(SOURCE).problems());

        // stamp repairs it
        assertEquals(List.of("aaa111"), migrator(dialect).stamp("aaa111"));
        assertTrue(migrator(dialect).validate(SOURCE).valid());
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void dependsOnAppliesTheOtherBranchFirstAndRevertsItsDependentsFirst(Dialect dialect) throws SQLException {
        database(dialect);
        // branch "users": u1; branch "orders": o1 (depends on u1: orders references users); o2 adds a column
        writeRevision("V0001_Orders", "o00001", List.of(), List.of("u00001"),
                "create table orders (id integer primary key, user_id integer references users (id))",
                "drop table orders");
        writeRevision("V0002_Users", "u00001", List.of(), List.of(),
                "create table users (id integer primary key)", "drop table users");
        writeRevision("V0003_OrderTotal", "o00002", List.of("o00001"), List.of(),
                "alter table orders add column total integer", "alter table orders drop column total");

        List<String> progress = new ArrayList<>();
        assertEquals(List.of("u00001", "o00001"), migrator(dialect).withListener(progress::add).upgrade("o00001"));
        assertEquals(List.of("applying u00001 V0002_Users", "applying o00001 V0001_Orders"),
                progress.stream().map(line -> line.replaceAll(" … \\d+ ms$", "")).toList());
        assertEquals(List.of("o00001", "u00001"), migrator(dialect).current()); // each branch keeps its row
        assertEquals(List.of("autogen_history", "autogen_version", "orders", "users"), tables(dialect));

        var heads = assertThrows(RevisionGraphException.class, () -> migrator(dialect).upgrade("head"));
        assertTrue(heads.getMessage().startsWith("multiple heads: o00002, u00001 — "), heads::getMessage);
        assertEquals(List.of("o00002"), migrator(dialect).upgrade("heads"));
        assertEquals(List.of("o00002", "u00001"), migrator(dialect).current());

        // downgrading to a revision of one branch leaves the other branch alone
        assertEquals(List.of("o00002"), migrator(dialect).downgrade("o00001"));
        assertEquals(List.of("o00001", "u00001"), migrator(dialect).current());
        // orders depends on users: it is reverted first although its class sorts first
        assertEquals(List.of("o00001", "u00001"), migrator(dialect).downgrade("base"));
        assertEquals(List.of("autogen_history", "autogen_version"), tables(dialect));
    }

    private void writeRevision(String className, String id, List<String> parents, List<String> dependsOn,
            String upgrade, String downgrade) {
        MigrationFiles.writeText(dir, className, """
                package migrations;

                @dev.autogen.migrate.Revision(id = "%s", parent = {%s}, dependsOn = {%s}, message = "%s")
                public final class %s implements dev.autogen.migrate.Migration {
                    public void upgrade(dev.autogen.dsl.SchemaChanges schema) {
                        schema.execute("%s");
                    }
                    public void downgrade(dev.autogen.dsl.SchemaChanges schema) {
                        schema.execute("%s");
                    }
                }
                """.formatted(id, quoted(parents), quoted(dependsOn), className, className, upgrade, downgrade));
    }

    private static String quoted(List<String> ids) {
        return String.join(", ", ids.stream().map(id -> "\"" + id + "\"").toList());
    }

    private void execute(String... statements) throws SQLException {
        try (Connection c = connections.open()) {
            for (String sql : statements) {
                c.createStatement().execute(sql);
            }
        }
    }

    private List<String> tables(Dialect dialect) throws SQLException {
        String sql = switch (dialect) {
            case POSTGRESQL -> "select table_name from information_schema.tables"
                    + " where table_schema = current_schema() order by 1";
            case SQLITE -> "select name from sqlite_master where type = 'table' order by 1";
            case MARIADB -> throw new UnsupportedOperationException("MariaDB runs in its own tests");
        };
        List<String> values = new ArrayList<>();
        try (Connection c = connections.open(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
