package dev.autogen.sql.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.op.AlterEnumType;
import dev.autogen.op.CreateEnumType;
import dev.autogen.op.DropEnumType;
import dev.autogen.op.Operation;
import dev.autogen.schema.EnumType;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Statement;
import dev.autogen.sql.sqlite.SqliteDdlRenderer;
import dev.autogen.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Named enum types: the exact SQL, and on a real PostgreSQL adding values in place and removing them by a rebuild. */
class PostgresEnumTypesTest {
    private static final PostgresDdlRenderer RENDERER = new PostgresDdlRenderer();
    private static final EnumType FREE_PRO = new EnumType("tier", List.of("FREE", "PRO"));
    private static final EnumType ALL = new EnumType("tier", List.of("BASIC", "FREE", "PRO", "ENTERPRISE"));

    @Test
    void rendersCreateDropAndAddedValuesNextToTheirNeighbours() {
        assertEquals(List.of("create type \"tier\" as enum ('FREE', 'PRO')"),
                sql(new CreateEnumType(FREE_PRO)));
        assertEquals(List.of("drop type \"tier\""), sql(new DropEnumType("tier", FREE_PRO)));
        assertEquals(List.of("alter type \"tier\" add value 'BASIC' before 'FREE'",
                        "alter type \"tier\" add value 'ENTERPRISE' after 'PRO'"),
                sql(new AlterEnumType(ALL, FREE_PRO)));
        assertEquals(List.of("alter type \"tier\" add value 'it''s'"),
                sql(new AlterEnumType(new EnumType("tier", List.of("it's")), new EnumType("tier", List.of()))));
        assertEquals(List.of(), new SqliteDdlRenderer().render(new AlterEnumType(ALL, FREE_PRO), Schema.EMPTY));
    }

    @Test
    void addingIsInPlaceAndItsReverseRebuildsTheTypeKeepingTheRows() throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabases.freshPostgres("pg_enums"))) {
            run(c, new CreateEnumType(FREE_PRO));
            execute(c, "create table customer (id integer primary key, tier tier)",
                    "insert into customer values (1, 'FREE'), (2, 'PRO'), (3, null)");

            AlterEnumType add = new AlterEnumType(ALL, FREE_PRO);
            run(c, add);
            assertEquals(List.of("BASIC", "FREE", "PRO", "ENTERPRISE"), values(c));

            assertTrue(sql(add.reverse()).getFirst().startsWith("alter type \"tier\" rename to"));
            run(c, add.reverse());
            assertEquals(List.of("FREE", "PRO"), values(c));
            assertEquals(List.of("1 FREE", "2 PRO", "3 null"), rows(c));
            assertEquals(List.of("tier"), strings(c, "select typname from pg_type where typtype = 'e'"));

            SQLException inUse = assertThrows(SQLException.class,
                    () -> run(c, new AlterEnumType(new EnumType("tier", List.of("FREE")), FREE_PRO)));
            assertTrue(inUse.getMessage().contains("invalid input value for enum"), inUse.getMessage());
        }
    }

    @Test
    void aRebuildConvertsArrayColumnsAndKeepsDefaultsAndRows() throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabases.freshPostgres("pg_enum_arrays"))) {
            run(c, new CreateEnumType(ALL));
            execute(c, "create table plan (id integer primary key, tier tier not null default 'FREE',"
                            + " allowed tier[] default '{FREE,PRO}', history tier[])",
                    "insert into plan values (1, 'PRO', '{PRO}', '{FREE,PRO,null}')",
                    "insert into plan (id) values (2)");

            run(c, new AlterEnumType(FREE_PRO, ALL)); // BASIC and ENTERPRISE removed: a rebuild
            assertEquals(List.of("FREE", "PRO"), values(c));
            assertEquals(List.of("tier", "tier[]", "tier[]"), strings(c, "select format_type(atttypid, atttypmod)"
                    + " from pg_attribute where attrelid = 'plan'::regclass and attname <> 'id' and attnum > 0"
                    + " order by attnum"));
            assertEquals(List.of("allowed '{FREE,PRO}'::tier[]", "tier 'FREE'::tier"), strings(c,
                    "select a.attname || ' ' || pg_get_expr(d.adbin, d.adrelid) from pg_attrdef d join pg_attribute a"
                            + " on a.attrelid = d.adrelid and a.attnum = d.adnum where d.adrelid = 'plan'::regclass"
                            + " order by 1"));
            assertEquals(List.of("1 PRO {PRO} {FREE,PRO,NULL}", "2 FREE {FREE,PRO} null"), strings(c,
                    "select id || ' ' || tier::text || ' ' || allowed::text || ' ' || coalesce(history::text, 'null')"
                            + " from plan order by id"));
            execute(c, "insert into plan (id) values (3)");
            assertEquals(List.of("FREE {FREE,PRO}"), strings(c, "select tier::text || ' ' || allowed::text from plan where id = 3"));
            assertEquals(List.of("tier"), strings(c, "select typname from pg_type where typtype = 'e'"));

            // a default that holds a removed value fails like a row that does, and nothing of the rebuild stays
            execute(c, "delete from plan", "alter table plan alter column allowed set default '{PRO}'");
            SQLException stale = assertThrows(SQLException.class,
                    () -> run(c, new AlterEnumType(new EnumType("tier", List.of("PRO")), FREE_PRO)));
            assertTrue(stale.getMessage().contains("invalid input value for enum"), stale.getMessage());
            assertEquals(List.of("FREE", "PRO"), values(c));
        }
    }

    private static List<String> sql(Operation operation) {
        return RENDERER.render(operation, Schema.EMPTY).stream().map(Statement::sql).toList();
    }

    private static void run(Connection c, Operation operation) throws SQLException {
        c.setAutoCommit(false);
        try {
            for (Statement statement : RENDERER.render(operation, Schema.EMPTY)) {
                execute(c, statement.sql());
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void execute(Connection c, String... statements) throws SQLException {
        try (var statement = c.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> values(Connection c) throws SQLException {
        return strings(c, "select unnest(enum_range(null::tier))::text");
    }

    private static List<String> rows(Connection c) throws SQLException {
        return strings(c, "select id || ' ' || coalesce(tier::text, 'null') from customer order by id");
    }

    private static List<String> strings(Connection c, String query) throws SQLException {
        List<String> result = new ArrayList<>();
        try (var statement = c.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }
}
