package dev.autogen.sql.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import dev.autogen.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SqliteSchemaReaderTest {

    private static Connection open(String... ddl) throws SQLException {
        Connection connection = DriverManager.getConnection(TestDatabases.freshSqlite("reader"));
        try (Statement st = connection.createStatement()) {
            for (String sql : ddl) {
                st.execute(sql);
            }
        }
        return connection;
    }

    @Test
    void readsEveryKindOfObjectWithNamesFromTheCreateTableText() throws SQLException {
        try (Connection c = open(
                "create table customer (id integer primary key, email varchar(320) not null,"
                        + " status varchar(20) default 'ACTIVE' not null check ((status in ('ACTIVE','CLOSED'))),"
                        + " tier smallint check (tier between 0 and 2), credit_limit numeric(38,2),"
                        + " external_ref varchar(64) unique, created_at timestamp default CURRENT_TIMESTAMP,"
                        + " constraint \"uq_customer_email\" unique (email),"
                        + " constraint ck_customer_credit check (credit_limit >= 0), check (tier <> 1))",
                "create table \"purchase_order\" (\"id\" bigint not null, [customer_id] integer not null,"
                        + " `placed_at` timestamp not null, note text, constraint \"pk_purchase_order\" primary key (id),"
                        + " constraint \"fk_order_customer\" foreign key (customer_id) references customer (id)"
                        + " on delete cascade)",
                "create table order_line (order_id bigint not null references purchase_order on delete set null,"
                        + " line int not null, payload blob, doc clob, primary key (order_id, line))",
                "create index ix_order_placed on purchase_order (placed_at desc, customer_id)",
                "create unique index ux_order_note on purchase_order (note)",
                "create table autogen_version (revision varchar(64))",
                "create table HTE_customer (id integer)")) {
            Schema schema = SqliteSchemaReader.read(c);

            Table customer = new Table("customer", List.of(
                    new Column("id", new ColumnType.IntegerType(), false, null, true, null),
                    new Column("email", new ColumnType.Varchar(320), false, null, false, null),
                    new Column("status", new ColumnType.Varchar(20), false, "'ACTIVE'", false, null),
                    Column.of("tier", new ColumnType.SmallInt(), true),
                    Column.of("credit_limit", new ColumnType.Numeric(38, 2), true),
                    Column.of("external_ref", new ColumnType.Varchar(64), true),
                    new Column("created_at", new ColumnType.Timestamp(null, false), true, "CURRENT_TIMESTAMP", false,
                            null)),
                    new PrimaryKey(null, List.of("id")),
                    List.of(new UniqueConstraint("uq_customer_email", List.of("email")),
                            new UniqueConstraint("uq_customer_external_ref", List.of("external_ref"))),
                    List.of(),
                    List.of(new CheckConstraint("ck_customer_status", "status in ('ACTIVE','CLOSED')"),
                            new CheckConstraint("ck_customer_tier", "tier between 0 and 2"),
                            new CheckConstraint("ck_customer_credit", "credit_limit >= 0"),
                            new CheckConstraint("ck_customer_1", "tier <> 1")),
                    List.of(), null);
            Table order = new Table("purchase_order", List.of(
                    Column.of("id", new ColumnType.BigInt(), false),
                    Column.of("customer_id", new ColumnType.IntegerType(), false),
                    Column.of("placed_at", new ColumnType.Timestamp(null, false), false),
                    Column.of("note", new ColumnType.Text(), true)),
                    new PrimaryKey("pk_purchase_order", List.of("id")),
                    List.of(),
                    List.of(new ForeignKey("fk_order_customer", List.of("customer_id"), "customer", List.of("id"),
                            ReferentialAction.CASCADE)),
                    List.of(),
                    List.of(new Index("ix_order_placed", List.of(new IndexColumn("placed_at", true),
                                    IndexColumn.asc("customer_id")), false),
                            new Index("ux_order_note", List.of(IndexColumn.asc("note")), true)),
                    null);
            Table line = new Table("order_line", List.of(
                    Column.of("order_id", new ColumnType.BigInt(), false),
                    Column.of("line", new ColumnType.IntegerType(), false),
                    Column.of("payload", new ColumnType.Binary(), true),
                    Column.of("doc", new ColumnType.LargeObject(true), true)),
                    new PrimaryKey(null, List.of("order_id", "line")),
                    List.of(),
                    List.of(new ForeignKey("fk_order_line_order_id_purchase_order", List.of("order_id"),
                            "purchase_order", List.of("id"), ReferentialAction.SET_NULL)),
                    List.of(), List.of(), null);
            assertEquals(new Schema(List.of(customer, order, line), List.of()), schema);
            assertEquals(order, SqliteSchemaReader.readTable(c, "PURCHASE_ORDER").orElseThrow());
            assertTrue(SqliteSchemaReader.readTable(c, "autogen_version").isEmpty());
            assertTrue(SqliteSchemaReader.readTable(c, "missing").isEmpty());
        }
    }

    @Test
    void typesRoundTripThroughSqliteTypes() throws SQLException {
        List<ColumnType> all = ColumnTypeSamples.ALL;
        StringBuilder ddl = new StringBuilder("create table zoo (");
        for (int i = 0; i < all.size(); i++) {
            ddl.append(i == 0 ? "" : ", ").append("c").append(i).append(' ').append(SqliteTypes.sql(all.get(i)));
        }
        try (Connection c = open(ddl.append(")").toString())) {
            Table zoo = SqliteSchemaReader.readTable(c, "zoo").orElseThrow();
            for (int i = 0; i < all.size(); i++) {
                ColumnType read = zoo.columns().get(i).type();
                assertEquals(SqliteTypes.sql(all.get(i)).toLowerCase(Locale.ROOT),
                        SqliteTypes.sql(read).toLowerCase(Locale.ROOT), "round trip of " + all.get(i));
            }
        }
    }

    @Test
    void upperCaseDeclaredTypesParseLikeLowerCase() {
        assertEquals(new ColumnType.IntegerType(), SqliteSchemaTypes.parse("INTEGER"));
        assertEquals(new ColumnType.Varchar(10), SqliteSchemaTypes.parse("VARCHAR ( 10 )"));
        assertEquals(new ColumnType.Numeric(10, 0), SqliteSchemaTypes.parse("NUMERIC(10)"));
        assertEquals(new ColumnType.Time(3, false), SqliteSchemaTypes.parse("time(3)"));
        assertEquals(new ColumnType.Native("datetime"), SqliteSchemaTypes.parse("DATETIME"));
        assertEquals(new ColumnType.Binary(), SqliteSchemaTypes.parse(""));
    }

    @Test
    void anUnnamedConstraintWithALongNameGetsTheSharedTruncatedConventionalName() throws SQLException {
        try (Connection c = open("create table a_table_with_a_rather_long_name (id integer primary key,"
                + " first_long_column_name int, second_long_column_name int,"
                + " unique (first_long_column_name, second_long_column_name))")) {
            Table table = SqliteSchemaReader.readTable(c, "a_table_with_a_rather_long_name").orElseThrow();
            // the same name the entity reader gives (dev.autogen.schema.ConstraintNames): 54 characters, _, CRC-32
            assertEquals(List.of(new UniqueConstraint("uq_a_table_with_a_rather_long_name_first_long_column_n_841dc61b",
                            List.of("first_long_column_name", "second_long_column_name"))),
                    table.uniqueConstraints());
        }
    }

    @Test
    void defaultsKeepTheirTextAndWithoutRowidKeysAreNotIdentities() throws SQLException {
        try (Connection c = open("create table kv (k integer not null primary key, v text default (lower('X')),"
                + " n integer default -1, f float default 1.5) without rowid")) {
            Table kv = SqliteSchemaReader.readTable(c, "kv").orElseThrow();
            assertEquals(List.of(
                    Column.of("k", new ColumnType.IntegerType(), false),
                    new Column("v", new ColumnType.Text(), true, "lower('X')", false, null),
                    new Column("n", new ColumnType.IntegerType(), true, "-1", false, null),
                    new Column("f", new ColumnType.DoublePrecision(), true, "1.5", false, null)), kv.columns());
        }
    }

    @Test
    void aForeignKeyToAMissingTableIsStillRead() throws SQLException {
        try (Connection c = open("create table child (parent_id integer references parent)")) {
            assertEquals(List.of(new ForeignKey("fk_child_parent_id_parent", List.of("parent_id"), "parent",
                            List.of("parent_id"), ReferentialAction.NO_ACTION)),
                    SqliteSchemaReader.readTable(c, "child").orElseThrow().foreignKeys());
        }
    }
}
