package dev.autogen.migrate;

import static dev.autogen.dsl.Dsl.column;
import static dev.autogen.dsl.Dsl.foreignKey;
import static dev.autogen.dsl.Dsl.integer;
import static dev.autogen.dsl.Dsl.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestMigrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Operations marked {@code .online()} on a real PostgreSQL: each online form reaches the same catalog as the plain
 * plan (constraints validated, indexes valid, NOT NULL set), a step whose lock is held elsewhere retries and then
 * succeeds or fails with one line, and a run that stopped half-way continues from its progress rows.
 */
class OnlinePlanTest {
    private final List<String> progress = new ArrayList<>();

    /** Parent and child tables with rows, no constraints yet. */
    private static final LoadedMigration TABLES = revision("aaa111", null, schema -> schema
            .execute("create table parent (id integer not null, code text)")
            .execute("create table child (id integer, parent_id integer, qty integer)")
            .execute("insert into parent values (1, 'a'), (2, 'b')")
            .execute("insert into child values (1, 1, 5), (2, 2, 7), (3, null, 9)"));

    /** Every form: primary key, unique, index, foreign key, check, SET NOT NULL. */
    private static LoadedMigration everyForm(boolean online) {
        return revision("bbb222", "aaa111", schema -> {
            mark(schema.addPrimaryKey("parent", "pk_parent", "id"), online);
            mark(schema.addUniqueConstraint("parent", "uq_parent_code", "code"), online);
            mark(schema.createIndex("ix_child_qty", "child", "qty"), online);
            mark(schema.addForeignKey("child", foreignKey("fk_child_parent", "parent_id").references("parent", "id")),
                    online);
            mark(schema.addCheckConstraint("child", "ck_child_qty", "qty > 0"), online);
            mark(schema.alterColumn("child", column("id", integer()).nullable(), column("id", integer())), online);
        });
    }

    @Test
    void everyOnlineFormEndsWhereThePlainPlanEnds() throws SQLException {
        String plainUrl = TestDatabases.freshPostgres("online_plain");
        migrator(plainUrl, List.of(TABLES, everyForm(false)), OnlineSettings.DEFAULT).upgrade("head");
        String url = TestDatabases.freshPostgres("online_form");

        migrator(url, List.of(TABLES, everyForm(true)), OnlineSettings.DEFAULT).upgrade("head");

        List<String> catalog = catalog(url);
        assertEquals(catalog(plainUrl), catalog);
        assertEquals(List.of("constraint ck_child_qty c validated", "constraint fk_child_parent f validated",
                "constraint pk_parent p validated", "constraint uq_parent_code u validated",
                "index ix_child_qty valid", "index pk_parent valid", "index uq_parent_code valid",
                "not null child.id", "not null parent.id"), catalog);
        assertEquals(List.of(), query(url, "select revision from autogen_online_steps"));
        assertEquals(List.of("bbb222"), query(url, "select revision from autogen_version"));
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("applying bbb222")), progress.toString());
    }

    @Test
    void onlineMarksAroundABackfillRunOnlineInTheirPart() throws SQLException {
        String url = TestDatabases.freshPostgres("online_backfill");
        LoadedMigration split = revision("bbb222", "aaa111", schema -> {
            schema.addPrimaryKey("parent", "pk_parent", "id").online();
            schema.backfill("parent", "code = upper(code)").batchSize(1);
            schema.addCheckConstraint("parent", "ck_parent_code", "code = upper(code)").online();
        });

        migrator(url, List.of(TABLES, split), OnlineSettings.DEFAULT).upgrade("head");

        assertEquals(List.of("A", "B"), query(url, "select code from parent"));
        assertEquals(List.of("constraint ck_parent_code c validated", "constraint pk_parent p validated",
                "index pk_parent valid", "not null parent.id"), catalog(url));
        assertEquals(List.of(), query(url, "select revision from autogen_online_steps"));
        assertEquals(List.of(), query(url, "select revision from autogen_backfill_progress"));
        assertEquals(List.of("bbb222"), query(url, "select revision from autogen_version"));
    }

    @Test
    void upgradeOnlineRunsUnmarkedOperationsOnlineToo() throws SQLException {
        String url = TestDatabases.freshPostgres("online_everywhere");
        LoadedMigration failing = revision("bbb222", "aaa111", schema -> schema
                .addPrimaryKey("parent", "pk_parent", "id")
                .addForeignKey("child", foreignKey("fk_child_parent", "parent_id").references("parent", "id")));
        migrator(url, List.of(TABLES, failing), OnlineSettings.DEFAULT).upgrade("aaa111");
        execute(url, "insert into child values (4, 99, 1)"); // an orphan: validation fails, the NOT VALID step stays

        var e = assertThrows(MigrationException.class, () -> migrator(url, List.of(TABLES, failing),
                OnlineSettings.DEFAULT.withEverywhere(true)).upgrade("head"));

        assertTrue(e.getMessage().startsWith("revision bbb222 (m bbb222) failed at step 4 of 4 (alter table \"child\""
                + " validate constraint \"fk_child_parent\"); database says: ERROR: insert or update on table"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(List.of("fk_child_parent false"), query(url, "select conname || ' ' || convalidated"
                + " from pg_constraint where contype = 'f'"));
        assertEquals(List.of("1", "2", "3"), query(url, "select step from autogen_online_steps"));

        execute(url, "delete from child where id = 4"); // the data fix
        progress.clear();
        migrator(url, List.of(TABLES, failing), OnlineSettings.DEFAULT.withEverywhere(true)).upgrade("head");

        assertEquals(List.of("fk_child_parent true"), query(url, "select conname || ' ' || convalidated"
                + " from pg_constraint where contype = 'f'"));
        assertTrue(progress.getFirst().startsWith("step 1 of 4 of bbb222 was done by an earlier run: skipped create"
                + " unique index concurrently \"pk_parent\" on \"parent\" (\"id\")"), progress.toString());
        assertEquals(List.of(), query(url, "select step from autogen_online_steps"));
    }

    @Test
    void anInvalidIndexLeftByAFailedRunIsDroppedAndBuiltAgain() throws SQLException {
        String url = TestDatabases.freshPostgres("online_invalid");
        LoadedMigration unique = revision("bbb222", "aaa111", schema -> schema
                .addUniqueConstraint("parent", "uq_parent_code", "code").online());
        migrator(url, List.of(TABLES, unique), OnlineSettings.DEFAULT).upgrade("aaa111");
        execute(url, "update parent set code = 'a'"); // duplicates: the concurrent build fails

        var e = assertThrows(MigrationException.class,
                () -> migrator(url, List.of(TABLES, unique), OnlineSettings.DEFAULT).upgrade("head"));

        assertTrue(e.getMessage().contains("at step 1 of 2 (create unique index concurrently \"uq_parent_code\""),
                e.getMessage());
        assertEquals(List.of("uq_parent_code false"), indexes(url));

        execute(url, "update parent set code = 'b' where id = 2");
        progress.clear();
        migrator(url, List.of(TABLES, unique), OnlineSettings.DEFAULT).upgrade("head");

        assertEquals(List.of("uq_parent_code true"), indexes(url));
        assertEquals(List.of("uq_parent_code u true"), query(url, "select conname || ' ' || contype::text || ' '"
                + " || convalidated from pg_constraint where conrelid = 'parent'::regclass"));
        assertTrue(progress.contains("index uq_parent_code is INVALID (an earlier run of this revision was interrupted"
                + " while building it): dropping it and building it again"), progress.toString());
    }

    @Test
    void aStepWhoseLockIsHeldRetriesThenSucceeds() throws Exception {
        String url = TestDatabases.freshPostgres("online_retry");
        LoadedMigration check = revision("bbb222", "aaa111", schema -> schema
                .addCheckConstraint("child", "ck_child_qty", "qty > 0").online());
        migrator(url, List.of(TABLES, check), OnlineSettings.DEFAULT).upgrade("aaa111");
        CountDownLatch locked = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (Connection other = DriverManager.getConnection(url); Statement st = other.createStatement()) {
                other.setAutoCommit(false);
                st.execute("lock table child in access share mode");
                locked.countDown();
                Thread.sleep(700);
                other.commit();
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        locked.await();

        migrator(url, List.of(TABLES, check), new OnlineSettings(false, 6, Duration.ofMillis(100)),
                Duration.ofMillis(100)).upgrade("head");
        holder.join();

        assertEquals(List.of("ck_child_qty true"), query(url, "select conname || ' ' || convalidated"
                + " from pg_constraint where contype = 'c' and conrelid = 'child'::regclass"));
        assertTrue(progress.get(1).startsWith("step 1 of 2 of revision bbb222 (m bbb222) (alter table \"child\" add"
                + " constraint \"ck_child_qty\" check (qty > 0) not valid) waited longer than 100 ms for its lock:"
                + " retry 1 of 6 in 100 ms"), progress.toString());
    }

    @Test
    void aStepWhoseLockStaysHeldFailsWithOneLineAfterItsRetries() throws SQLException {
        String url = TestDatabases.freshPostgres("online_giveup");
        LoadedMigration check = revision("bbb222", "aaa111", schema -> schema
                .addCheckConstraint("child", "ck_child_qty", "qty > 0").online());
        migrator(url, List.of(TABLES, check), OnlineSettings.DEFAULT).upgrade("aaa111");
        try (Connection other = DriverManager.getConnection(url); Statement st = other.createStatement()) {
            other.setAutoCommit(false);
            st.execute("lock table child in access share mode");

            var e = assertThrows(MigrationException.class, () -> migrator(url, List.of(TABLES, check),
                    new OnlineSettings(false, 2, Duration.ofMillis(50)), Duration.ofMillis(100)).upgrade("head"));

            assertEquals("step 1 of 2 of revision bbb222 (m bbb222) (alter table \"child\" add constraint"
                    + " \"ck_child_qty\" check (qty > 0) not valid) could not get its lock within the lock timeout of"
                    + " 100 ms in 3 tries: another transaction holds a conflicting lock — the steps before it stayed"
                    + " applied; run the upgrade again when that transaction has ended, or raise --lock-retries or"
                    + " --lock-timeout: it continues with this step", e.getMessage());
            other.rollback();
        }
        assertEquals(List.of("aaa111"), query(url, "select revision from autogen_version"));
        assertEquals(List.of(), query(url, "select conname from pg_constraint where conrelid = 'child'::regclass"));
    }

    @Test
    void sqliteIgnoresTheOnlineMark() throws SQLException {
        String url = TestDatabases.freshSqlite("online");
        LoadedMigration tables = revision("aaa111", null, schema -> schema
                .execute("create table items (id integer, name text)")
                .execute("insert into items values (1, 'a')"));
        LoadedMigration index = revision("bbb222", "aaa111", schema -> schema
                .createIndex("ix_items_name", "items", "name").online());

        List<String> lines = new java.util.ArrayList<>();
        new Migrator(() -> DriverManager.getConnection(url), Dialect.SQLITE, List.of(tables, index))
                .withListener(lines::add).upgrade("head");

        assertEquals(List.of("ix_items_name"), query(url, "select name from sqlite_master where type = 'index' and name not like 'sqlite_%'"));
        assertEquals(List.of("note: bbb222 (m bbb222): SQLite has no online form; its .online() marks change nothing and it runs as"
                + " one transaction"), lines.stream().filter(l -> l.startsWith("note:")).toList());
    }

    private static void mark(SchemaChanges changes, boolean online) {
        if (online) {
            changes.online();
        }
    }

    private static LoadedMigration revision(String id, String parent, Consumer<SchemaChanges> upgrade) {
        return TestMigrations.upgrading(id, parent == null ? List.of() : List.of(parent), "m " + id, "m.V_" + id,
                upgrade);
    }

    private Migrator migrator(String url, List<LoadedMigration> revisions, OnlineSettings online) {
        return migrator(url, revisions, online, Duration.ofSeconds(5));
    }

    private Migrator migrator(String url, List<LoadedMigration> revisions, OnlineSettings online, Duration lock) {
        return new Migrator(() -> DriverManager.getConnection(url), Dialect.POSTGRESQL, revisions)
                .withListener(progress::add).withOnline(online)
                .withTimeouts(MigrationTimeouts.DEFAULT.withLockTimeout(lock));
    }

    /** Constraints (kind, validated), indexes (valid) and NOT NULL columns of the two tables, sorted. */
    private static List<String> catalog(String url) throws SQLException {
        List<String> rows = new ArrayList<>(query(url, "select 'constraint ' || conname || ' ' || contype::text || ' '"
                + " || case when convalidated then 'validated' else 'not validated' end from pg_constraint"
                + " where conrelid in ('parent'::regclass, 'child'::regclass)"));
        rows.addAll(query(url, "select 'index ' || c.relname || ' ' || case when i.indisvalid then 'valid' else"
                + " 'invalid' end from pg_index i join pg_class c on c.oid = i.indexrelid"
                + " where i.indrelid in ('parent'::regclass, 'child'::regclass)"));
        rows.addAll(query(url, "select 'not null ' || attrelid::regclass || '.' || attname from pg_attribute"
                + " where attrelid in ('parent'::regclass, 'child'::regclass) and attnum > 0 and attnotnull"));
        return rows.stream().sorted().toList();
    }

    private static List<String> indexes(String url) throws SQLException {
        return query(url, "select c.relname || ' ' || i.indisvalid from pg_index i join pg_class c"
                + " on c.oid = i.indexrelid where i.indrelid = 'parent'::regclass");
    }

    private static List<String> query(String url, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows.stream().sorted().toList();
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
