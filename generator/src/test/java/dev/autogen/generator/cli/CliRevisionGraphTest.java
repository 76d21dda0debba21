package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.MigrationFiles;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The revision graph and the database's record through the command line, in process: two branches, their heads and
 * branch point, the multiple-heads errors, {@code upgrade heads}, {@code merge}, {@code show}, {@code downgrade} to a
 * branch (SQLite); then {@code stamp}, {@code validate} and {@code check} on an edited, a deleted and an unknown
 * applied revision (real PostgreSQL and SQLite).
 */
class CliRevisionGraphTest {
    private static final String USER = System.getProperty("user.name", "unknown");

    private Path migrations;
    private String url;

    private void project(Dialect dialect) throws IOException {
        Path dir = ScratchDirectory.create("cli-graph");
        migrations = Files.createDirectories(dir.resolve("migrations"));
        url = switch (dialect) {
            case POSTGRESQL -> TestDatabases.freshPostgres("cligraph");
            case SQLITE -> TestDatabases.freshSqlite("cligraph");
            case MARIADB -> dev.autogen.testing.TestMariadb.fresh("cligraph");
        };
    }

    private CliOutcome autogen(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url, "--migrations", migrations.toString(),
                "--migrations-package", "migrations"));
        all.addAll(List.of(args));
        return CliOutcome.run(all.toArray(String[]::new));
    }

    private static CliOutcome assertExit(int code, CliOutcome outcome) {
        assertEquals(code, outcome.exitCode(), outcome::toString);
        return outcome;
    }

    private void write(String className, String id, String parent, String table) {
        MigrationFiles.write(migrations, className, id, parent, "create " + table,
                List.of("create table " + table + " (id integer primary key)"), List.of("drop table " + table));
    }

    /**
     * Two pull requests each wrote a V0002 on V0001: the merge is V0003, after the highest number, not V0004 (the
     * file count); and an empty revision's line ends without a colon that announces nothing.
     */
    @Test
    void aMergeIsNumberedAfterTheHighestNumberAndAnEmptyRevisionSaysSo() throws IOException {
        project(Dialect.SQLITE);
        write("V0001_Users", "aaa111", null, "users");
        write("V0002_Orders", "bbb222", "aaa111", "orders");
        write("V0002_Items", "ccc333", "aaa111", "items");
        assertExit(0, autogen("merge", "-m", "merge heads", "--rev-id", "ddd444"));
        assertTrue(Files.exists(migrations.resolve("migrations/V0003_MergeHeads.java")));
        assertEquals("ddd444 V0003_MergeHeads - merge heads (head)\n", assertExit(0, autogen("heads")).out());

        assertExit(0, autogen("upgrade"));
        CliOutcome empty = assertExit(0, autogen("revision", "--empty", "-m", "backfill", "--rev-id", "eee555"));
        Path file = migrations.resolve("migrations/V0004_Backfill.java");
        assertEquals("Generated " + RevisionCommand.relative(file) + " (revision eee555, empty: write its upgrade()"
                + " and downgrade()).\nReview it, then apply it with: autogen upgrade\n", withoutHints(empty.out()));
    }

    /** SQLite only: the graph is the same on every database, and RevisionIntegrityTest runs branches on both. */
    @Test
    void branchesAreMergedOrUpgradedTogether() throws IOException {
        project(Dialect.SQLITE);
        // two pull requests each added a revision on aaa111
        write("V0001_Users", "aaa111", null, "users");
        write("V0002_Orders", "bbb222", "aaa111", "orders");
        write("V0003_Items", "ccc333", "aaa111", "items");

        assertEquals("""
                bbb222 V0002_Orders - create orders (head)
                ccc333 V0003_Items - create items (head)
                2 heads: join them with autogen merge -m "merge heads", or apply every branch with autogen upgrade heads
                """, assertExit(0, autogen("heads")).out());
        assertEquals("""
                aaa111 V0001_Users - create users (branch point)
                  -> bbb222 V0002_Orders - create orders
                  -> ccc333 V0003_Items - create items
                """, assertExit(0, autogen("branches")).out());
        assertEquals("autogen: multiple heads: bbb222, ccc333 — join them with a merge revision (autogen merge -m"
                + " \"merge heads\"), or apply every branch (autogen upgrade heads)",
                autogen("upgrade").assertOneLineError(2));

        assertEquals("autogen: the migrations have several heads (bbb222, ccc333): merge them first (autogen merge -m"
                + " \"merge heads\")", autogen("-m", "more").assertOneLineError(2));
        CliOutcome upgraded = assertExit(0, autogen("upgrade", "heads"));
        assertTrue(upgraded.out().endsWith("Applied 3 revisions; the database is at bbb222, ccc333.\n"),
                upgraded::toString);
        CliOutcome check = assertExit(1, autogen("check"));
        assertTrue(withoutHints(check.out()).startsWith("Out of sync: the migrations have several heads (bbb222, ccc333): join"
                + " them with autogen merge -m \"merge heads\" (or, to apply every branch without merging, autogen"
                + " upgrade heads)\n"), check::toString);
        assertFalse(check.out().contains("behind"), check::toString); // the database is at both heads

        CliOutcome merged = assertExit(0, autogen("merge", "-m", "merge heads", "--rev-id", "ddd444"));
        Path mergeFile = migrations.resolve("migrations/V0004_MergeHeads.java");
        assertEquals("Generated " + RevisionCommand.relative(mergeFile) + " (merge revision ddd444).\n"
                + "Apply it with: autogen upgrade\n", merged.out());
        String source = Files.readString(mergeFile);
        assertTrue(source.contains("@Revision(id = \"ddd444\", parent = {\"bbb222\", \"ccc333\"}, message = \"merge"
                + " heads\")"), source);
        assertEquals("ddd444 V0004_MergeHeads - merge heads (head)\n", assertExit(0, autogen("heads")).out());
        assertEquals("""
                Revision:   ddd444 (head) (merge)
                Message:    merge heads
                Class:      migrations.V0004_MergeHeads
                Parents:    bbb222, ccc333
                Upgrade (0 operations)
                Downgrade (0 operations)
                """, assertExit(0, autogen("show", "head")).out());
        assertEquals("""
                Revision:   bbb222
                Message:    create orders
                Class:      migrations.V0002_Orders
                Parents:    aaa111
                Upgrade (1 operation):
                  ExecuteSql create table orders (id integer primary key)
                Downgrade (1 operation):
                  ExecuteSql drop table orders
                """, assertExit(0, autogen("show", "bb")).out());

        assertTrue(assertExit(0, autogen("upgrade")).out().endsWith("Applied 1 revision; the database is at"
                + " ddd444.\n"));
        // downgrading to one branch's revision unmerges: the other branch stays applied
        assertTrue(assertExit(0, autogen("downgrade", "bbb222")).out().endsWith("Reverted 1 revision; the database"
                + " is at bbb222, ccc333.\n"));
        assertEquals("autogen: nothing to merge: the migrations have one head (ddd444); merge joins several heads"
                + " into one", autogen("merge", "-m", "again").assertOneLineError(2));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void stampAdoptsADatabaseAndValidateFindsTampering(Dialect dialect) throws IOException, SQLException {
        project(dialect);
        write("V0001_Users", "aaa111", null, "users");
        write("V0002_Orders", "bbb222", "aaa111", "orders");
        write("V0003_Items", "ccc333", "bbb222", "items");
        sql("create table users (id integer primary key)", "create table orders (id integer primary key)");

        assertEquals("Stamped: the database is at bbb222 (was base); no migration ran.\n",
                assertExit(0, autogen("stamp", "bbb")).out());
        String history = assertExit(0, autogen("history")).out();
        assertTrue(history.contains("  stamp bbb222 by " + USER + " in 0 ms, checksum "), history);
        assertTrue(assertExit(0, autogen("upgrade")).out().endsWith("Applied 1 revision; the database is at"
                + " ccc333.\n"));
        assertEquals("Valid: 2 applied revisions match the checksum recorded when applied; 1 applied by a stamp has"
                + " no recorded checksum (aaa111).\n", assertExit(0, autogen("validate")).out());

        // an applied migration edited afterwards
        Path orders = migrations.resolve("migrations/V0002_Orders.java");
        String original = Files.readString(orders);
        Files.writeString(orders, original.replace("(id integer primary key)\"", "(id bigint primary key)\""));
        String edited = assertExit(1, autogen("validate")).out();
        assertTrue(edited.matches("Invalid: revision bbb222 \\(V0002_Orders\\) was edited after it was applied \\(stamp"
                + " \\S+ by " + USER + "\\): its operations no longer match the checksum recorded then — restore the"
                + " applied version and put the change in a new revision\n"), edited);
        CliOutcome check = assertExit(1, autogen("check"));
        assertTrue(withoutHints(check.out()).startsWith("Out of sync: revision bbb222 (V0002_Orders) was edited after it was"
                + " applied"), check::toString);
        Files.writeString(orders, original);

        // the applied head deleted from the code (an older checkout)
        Path items = migrations.resolve("migrations/V0003_Items.java");
        String itemsSource = Files.readString(items);
        Files.delete(items);
        String missing = assertExit(1, autogen("validate")).out();
        assertTrue(missing.matches("Invalid: the database is at revision ccc333 \\(upgrade \\S+ by " + USER + "\\),"
                + " which no migration in \\S+ defines: the database is ahead of this code — update this checkout,"
                + " or restore the deleted migration\n"), missing);
        assertTrue(assertExit(1, autogen("check")).out().contains("the database is ahead of this code"));
        Files.writeString(items, itemsSource);

        // a version row nothing explains
        assertEquals("Stamped: the database is at base (was ccc333); no migration ran.\n",
                assertExit(0, autogen("stamp", "base")).out());
        sql("insert into autogen_version (revision) values ('fff999')");
        String unknown = assertExit(1, autogen("validate")).out();
        assertTrue(unknown.startsWith("Invalid: the database is at revision fff999, which neither the migrations in "),
                unknown);
        assertTrue(unknown.endsWith(" nor the database's history know — it was set by hand or by another project;"
                + " set the right one with autogen stamp REV\n"), unknown);
        assertExit(0, autogen("stamp", "head"));
        assertEquals("Valid: 2 applied revisions match the checksum recorded when applied; 1 applied by a stamp has"
                + " no recorded checksum (aaa111).\n", assertExit(0, autogen("validate")).out());
    }

    @Test
    void showPrintsACommittedSampleMigration() {
        Path samples = Path.of("..", "migrations", "src", "main", "java").toAbsolutePath().normalize();
        CliOutcome outcome = assertExit(0, CliOutcome.run("--migrations", samples.toString(), "show", "2093"));
        assertEquals("""
                Revision:   209336e70286 (head)
                Message:    add phone
                Class:      dev.autogen.sample.migrations.V0002_AddPhone
                Parents:    04c351a8712d
                Upgrade (2 operations):
                  AddColumn users phone varchar(16) null
                  ! BLOCKS_WRITES: builds index ix_users_phone while writes to users wait (the database's write lock)
                  ! SCANS_TABLE: reads every row of users to build ix_users_phone
                  CreateIndex users ix_users_phone (phone)
                Downgrade (2 operations):
                  DropIndex users ix_users_phone
                  ! DATA_LOSS: drops column users.phone and its values
                  ! BREAKS_RUNNING_APP: the application still deployed fails on the missing column users.phone
                  ! TABLE_REWRITE: rebuilds users on SQLite (copies every row)
                  ! BLOCKS_WRITES: writers to the database wait while users is copied
                  DropColumn users phone
                """, outcome.out());
    }

    @Test
    void showAndStampRefuseWhatIsNotARevision() throws IOException {
        project(Dialect.SQLITE);
        write("V0001_Users", "aaa111", null, "users");
        assertEquals("autogen: there is no revision to show for base: show takes a revision id or unique prefix,"
                + " head or heads", autogen("show", "base").assertOneLineError(2));
        assertEquals("autogen: no revision matches zzz — use head, base, +N, -N or an id from `autogen history`",
                autogen("show", "zzz").assertOneLineError(2));
        assertEquals("autogen: a relative target (-1) needs a database position — use head, heads, base or a"
                + " revision id", autogen("stamp", "-1").assertOneLineError(2));
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            for (String statement : statements) {
                c.createStatement().execute(statement);
            }
        }
    }

    /** Tables the fixtures create with raw SQL are unmanaged: their hint lines come first and are not the subject here. */
    private static String withoutHints(String out) {
        return out.replaceAll("(?m)^hint: .*\\R", "");
    }
}
