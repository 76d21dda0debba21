package dev.autogen.migrate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.ConnectionFactory;
import dev.autogen.migrate.MigrationFiles;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.discovery.CompiledClassCache;
import dev.autogen.migrate.discovery.JavaSourceCompiler;
import dev.autogen.migrate.discovery.SourceDirectoryMigrationSource;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Migrator#status}: each revision's state as a status page lists it, on real PostgreSQL and SQLite, through an
 * upgrade to the middle revision, an edit of an applied revision, and a stamp.
 */
class MigrationStatusTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path dir;

    private Migrator migrator(Dialect dialect, String url) {
        return new Migrator(ConnectionFactory.of(url, null, null), dialect, new SourceDirectoryMigrationSource(dir,
                new JavaSourceCompiler(), CompiledClassCache.disabled()).load())
                .withAppliedBy("tester").withClock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** One line per revision: id, applied or pending, when and by whom, checksum state. */
    private static List<String> lines(MigrationStatus status) {
        return status.revisions().stream().map(r -> r.id() + " " + (r.applied() ? "applied" : "pending") + " "
                + r.appliedAt() + " " + r.appliedBy() + " " + r.checksum() + " " + r.parents()).toList();
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void listsEachRevisionWithWhatTheDatabaseRecorded(Dialect dialect) throws IOException {
        String url = dialect == Dialect.POSTGRESQL ? TestDatabases.freshPostgres("status")
                : TestDatabases.freshSqlite("status");
        MigrationFiles.write(dir, "V0001_Init", "aaa111", null, "initial schema",
                List.of("create table users (id integer primary key)"), List.of("drop table users"));
        MigrationFiles.write(dir, "V0002_Orders", "bbb222", "aaa111", "orders",
                List.of("create table orders (id integer primary key)"), List.of("drop table orders"));
        MigrationFiles.write(dir, "V0003_Items", "ccc333", "bbb222", "items",
                List.of("create table items (id integer primary key)"), List.of("drop table items"));

        // an empty database: everything pending, nothing wrong
        MigrationStatus empty = migrator(dialect, url).status("dir");
        assertEquals(List.of("aaa111 pending null null PENDING []", "bbb222 pending null null PENDING [aaa111]",
                "ccc333 pending null null PENDING [bbb222]"), lines(empty));
        assertEquals(List.of(), empty.current());
        assertTrue(empty.valid());

        migrator(dialect, url).upgrade("bbb222");
        MigrationStatus middle = migrator(dialect, url).status("dir");
        assertEquals(List.of("aaa111 applied " + NOW + " tester MATCHES []",
                "bbb222 applied " + NOW + " tester MATCHES [aaa111]", "ccc333 pending null null PENDING [bbb222]"),
                lines(middle));
        assertEquals(List.of("bbb222"), middle.current());
        assertEquals("orders", middle.revisions().get(1).message());

        // an applied revision edited afterwards: its state says so, and the problem is validate's
        Path orders = dir.resolve("migrations/V0002_Orders.java");
        Files.writeString(orders, Files.readString(orders).replace("(id integer primary key)\"",
                "(id integer primary key, total integer)\""));
        Migrator edited = migrator(dialect, url);
        MigrationStatus afterEdit = edited.status("dir");
        assertEquals("bbb222 applied " + NOW + " tester EDITED [aaa111]", lines(afterEdit).get(1));
        assertFalse(afterEdit.valid());
        assertEquals(edited.validate("dir").problems(), afterEdit.problems());

        // a stamp records the stamped revision's checksum only: its ancestor has none, and no time
        String stamped = dialect == Dialect.POSTGRESQL ? TestDatabases.freshPostgres("status_stamp")
                : TestDatabases.freshSqlite("status-stamp");
        Files.writeString(orders, Files.readString(orders).replace(", total integer", ""));
        migrator(dialect, stamped).stamp("bbb222");
        assertEquals(List.of("aaa111 applied null null NOT_RECORDED []",
                "bbb222 applied " + NOW + " tester MATCHES [aaa111]", "ccc333 pending null null PENDING [bbb222]"),
                lines(migrator(dialect, stamped).status("dir")));
    }
}
