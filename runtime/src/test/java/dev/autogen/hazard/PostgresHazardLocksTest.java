package dev.autogen.hazard;

import static dev.autogen.dsl.Dsl.bigint;
import static dev.autogen.dsl.Dsl.column;
import static dev.autogen.dsl.Dsl.foreignKey;
import static dev.autogen.dsl.Dsl.integer;
import static dev.autogen.dsl.Dsl.text;
import static dev.autogen.dsl.Dsl.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.op.Operation;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.Statement;
import dev.autogen.sql.postgres.PostgresDdlRenderer;
import dev.autogen.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PostgreSQL hazards checked against PostgreSQL itself rather than against its documentation alone: each operation
 * runs inside a transaction on a table with rows, then {@code pg_locks} shows the lock it took and
 * {@code pg_class.relfilenode} whether it rewrote the table; the transaction is rolled back. {@code TABLE_REWRITE} is
 * claimed exactly when the table's file changes; {@code BLOCKS_READS} only with ACCESS EXCLUSIVE held;
 * {@code BLOCKS_WRITES} only with a lock that conflicts with writers' ROW EXCLUSIVE.
 */
class PostgresHazardLocksTest {
    private static final Set<String> BLOCKING_WRITERS =
            Set.of("ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");
    private static Connection connection;

    @BeforeAll
    static void open() throws SQLException {
        connection = DriverManager.getConnection(TestDatabases.freshPostgres("hazard_locks"));
        try (var statement = connection.createStatement()) {
            statement.execute("create table users (id integer primary key, name varchar(20) not null, email text,"
                    + " age integer, phone varchar(20))");
            statement.execute("create table orders (id integer primary key, user_id integer)");
            statement.execute("insert into users select i, 'user ' || i, 'u' || i || '@x', i % 90, null"
                    + " from generate_series(1, 1000) i");
            statement.execute("insert into orders select i, i from generate_series(1, 1000) i");
        }
        connection.setAutoCommit(false);
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    static Stream<Arguments> operations() {
        return Stream.of(
                row("users", s -> s.addColumn("users", column("nickname", text()).nullable())),
                row("users", s -> s.addColumn("users", column("token", text()).defaultValue("gen_random_uuid()::text"))),
                row("users", s -> s.addColumn("users", column("status", text()).defaultValue("'active'"))),
                row("users", s -> s.dropColumn("users", "phone")),
                row("users", s -> s.alterColumn("users", column("name", varchar(20)), column("name", varchar(40)))),
                row("users", s -> s.alterColumn("users", column("name", varchar(20)), column("name", text()))),
                row("users", s -> s.alterColumn("users", column("age", integer()).nullable(),
                        column("age", bigint()).nullable())),
                row("users", s -> s.alterColumn("users", column("email", text()).nullable(), column("email", text()))),
                row("users", s -> s.createIndex("ix_users_name", "users", "name")),
                row("orders", s -> s.addForeignKey("orders",
                        foreignKey("fk_orders_user", "user_id").references("users", "id"))),
                row("users", s -> s.addUniqueConstraint("users", "uq_users_email", "email")),
                row("users", s -> s.addCheckConstraint("users", "ck_users_age", "age >= 0")),
                row("users", s -> s.renameColumn("users", "phone", "mobile")));
    }

    private static Arguments row(String table, Consumer<SchemaChanges> change) {
        SchemaChanges changes = new SchemaChanges();
        change.accept(changes);
        Operation operation = changes.operations().getFirst();
        return Arguments.of(operation.toString(), table, operation);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void theClaimedLocksAndRewritesAreWhatPostgresDoes(String name, String table, Operation operation)
            throws SQLException {
        List<HazardKind> kinds = Hazards.of(operation, Dialect.POSTGRESQL).stream().map(Hazard::kind).toList();
        long fileBefore = relfilenode(table);
        List<String> modes = new ArrayList<>();
        try {
            try (var statement = connection.createStatement()) {
                for (Statement sql : new PostgresDdlRenderer().render(operation, Schema.EMPTY)) {
                    statement.execute(sql.sql());
                }
            }
            try (var locks = connection.prepareStatement("select mode from pg_locks where pid = pg_backend_pid()"
                    + " and locktype = 'relation' and relation = ?::regclass")) {
                locks.setString(1, table);
                try (ResultSet rows = locks.executeQuery()) {
                    while (rows.next()) {
                        modes.add(rows.getString(1));
                    }
                }
            }
            boolean rewritten = relfilenode(table) != fileBefore;
            assertEquals(rewritten, kinds.contains(HazardKind.TABLE_REWRITE), "rewrite; hazards " + kinds);
            if (kinds.contains(HazardKind.BLOCKS_READS)) {
                assertTrue(modes.contains("AccessExclusiveLock"), "BLOCKS_READS but locks " + modes);
            }
            if (kinds.contains(HazardKind.BLOCKS_WRITES)) {
                assertTrue(modes.stream().anyMatch(BLOCKING_WRITERS::contains), "BLOCKS_WRITES but locks " + modes);
            }
        } finally {
            connection.rollback();
        }
    }

    private static long relfilenode(String table) throws SQLException {
        try (var query = connection.prepareStatement("select relfilenode from pg_class where oid = ?::regclass")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
