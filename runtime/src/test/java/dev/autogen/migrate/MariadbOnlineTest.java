package dev.autogen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.discovery.SourceDirectoryMigrationSource;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestMariadb;
import dev.autogen.testing.TestSql;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operations marked {@code .online()} on a real MariaDB server: they run with {@code ALGORITHM=INPLACE, LOCK=NONE},
 * which the server accepts for an added column and an index (the journal shows the statements as they ran); one that
 * MariaDB would copy the table for is refused before anything of its revision runs.
 */
class MariadbOnlineTest {
    @TempDir
    Path dir;

    private final List<String> progress = new ArrayList<>();

    private static String source(String className, String id, String parent, String upgrade) {
        return MigrationFiles.dslSource(className, id, parent, upgrade, "");
    }

    private String users() {
        MigrationFiles.writeText(dir, "V0001_Users", source("V0001_Users", "aaa111", null,
                "schema.execute(\"create table users (id integer primary key, name varchar(50))\");"));
        return TestMariadb.fresh("online");
    }

    private Migrator migrator(String url) {
        return new Migrator(ConnectionFactory.of(url, null, null), Dialect.MARIADB,
                new SourceDirectoryMigrationSource(dir).load()).withListener(progress::add);
    }

    @Test
    void markedOperationsRunWithAlgorithmInplaceLockNone() throws SQLException {
        String url = users();
        MigrationFiles.writeText(dir, "V0002_Phone", source("V0002_Phone", "bbb222", "aaa111", """
                schema.addColumn("users", column("phone", varchar(20)).nullable()).online();
                        schema.createIndex("ix_users_name", "users", "name").online();
                        schema.execute("alter table missing_table add column x integer");"""));

        assertThrows(MigrationException.class, () -> migrator(url).upgrade("head"));

        assertEquals(List.of(
                "1 alter table `users` add column `phone` varchar(20) null, algorithm=inplace, lock=none",
                "2 create index `ix_users_name` on `users` (`name`) algorithm=inplace lock=none"),
                TestSql.strings(url, "select concat(ordinal, ' ', first_line) from autogen_statement_journal"
                        + " order by ordinal"));
        assertEquals(List.of("id", "name", "phone"), TestSql.strings(url, "select column_name from"
                + " information_schema.columns where table_schema = database() and table_name = 'users' order by 1"));
        assertEquals(List.of("ix_users_name"), TestSql.strings(url, "select distinct index_name from"
                + " information_schema.statistics where table_schema = database() and table_name = 'users'"
                + " and index_name <> 'PRIMARY'"));
    }

    /** What {@code autogen -m} marks on MariaDB besides index builds: the in-place rebuilds, on a table with rows. */
    @Test
    void keysAndNotNullAreBuiltInPlaceWithoutLocks() throws SQLException {
        MigrationFiles.writeText(dir, "V0001_People", source("V0001_People", "aaa111", null, """
                schema.execute("create table people (id integer not null, email varchar(50), name varchar(50))");
                        schema.execute("insert into people values (1, 'a@b.c', 'Ada')");"""));
        String url = TestMariadb.fresh("online_keys");
        MigrationFiles.writeText(dir, "V0002_Keys", source("V0002_Keys", "bbb222", "aaa111", """
                schema.addPrimaryKey("people", "pk_people", "id").online();
                        schema.addUniqueConstraint("people", "uq_people_email", "email").online();
                        schema.alterColumn("people", column("name", varchar(50)).nullable(),
                                column("name", varchar(50))).online();
                        schema.execute("alter table missing_table add column x integer");"""));

        assertThrows(MigrationException.class, () -> migrator(url).upgrade("head"));

        List<String> ran = TestSql.strings(url, "select first_line from autogen_statement_journal order by ordinal");
        assertEquals(3, ran.size(), ran.toString());
        assertTrue(ran.stream().allMatch(sql -> sql.endsWith(", algorithm=inplace, lock=none")), ran.toString());
        assertEquals(List.of("PRIMARY id", "uq_people_email email"), TestSql.strings(url, "select concat(index_name,"
                + " ' ', column_name) from information_schema.statistics where table_schema = database()"
                + " and table_name = 'people' order by 1"));
        assertEquals(List.of("NO"), TestSql.strings(url, "select is_nullable from information_schema.columns where"
                + " table_schema = database() and table_name = 'people' and column_name = 'name'"));
        assertEquals(List.of("1 Ada"), TestSql.rows(url, "select id, name from people"));
    }

    @Test
    void aMarkedOperationMariadbWouldCopyTheTableForIsRefusedBeforeAnythingRuns() throws SQLException {
        String url = users();
        MigrationFiles.writeText(dir, "V0002_NameText", source("V0002_NameText", "bbb222", "aaa111", """
                schema.addColumn("users", column("phone", varchar(20)).nullable());
                        schema.alterColumn("users", column("name", varchar(50)).nullable(),
                                column("name", text()).nullable()).online();"""));

        MigrationException refused = assertThrows(MigrationException.class, () -> migrator(url).upgrade("head"));

        assertTrue(refused.getMessage().contains(": operation 2 (") && refused.getMessage().contains(") is marked"
                + " online, but MariaDB copies the table for it (ALGORITHM=COPY, writes wait) — nothing of it was"
                + " applied"), refused.getMessage());
        assertEquals(List.of("id", "name"), TestSql.strings(url, "select column_name from information_schema.columns"
                + " where table_schema = database() and table_name = 'users' order by 1"));
        assertEquals(List.of("aaa111"), migrator(url).current());
    }
}
