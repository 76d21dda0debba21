package dev.autogen.generator.diff;

import static dev.autogen.generator.diff.TableBuilder.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.op.AddCheckConstraint;
import dev.autogen.op.AddColumn;
import dev.autogen.op.AddForeignKey;
import dev.autogen.op.AddPrimaryKey;
import dev.autogen.op.AddUniqueConstraint;
import dev.autogen.op.AlterColumn;
import dev.autogen.op.CreateIndex;
import dev.autogen.op.CreateSequence;
import dev.autogen.op.CreateTable;
import dev.autogen.op.DropPrimaryKey;
import dev.autogen.op.DropTable;
import dev.autogen.op.ExecuteDialectSql;
import dev.autogen.op.ExecuteSql;
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.op.RenameTable;
import dev.autogen.op.RunCallback;
import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.Sequence;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import dev.autogen.sql.Dialect;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OperationTextTest {

    private static final Table USERS = table("users").col("id", new ColumnType.Uuid())
            .col("email", new ColumnType.Varchar(320)).nullableCol("org_id", new ColumnType.BigInt()).pk("id")
            .unique("uq_users_email", "email")
            .fk("fk_users_org_id_organizations", "org_id", "organizations", "id", ReferentialAction.CASCADE)
            .check("ck_users_email", "email <> ''").index("ix_users_org_id", "org_id", "email desc")
            .comment("people").build();

    private static final Column PHONE = Column.of("phone", new ColumnType.Varchar(20), true);

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of(new CreateTable(USERS), "CreateTable users (id uuid not null, email varchar(320) not null, "
                        + "org_id bigint null, pk(id), uq(email), fk(org_id -> organizations.id on delete cascade), "
                        + "ck(email <> ''), ix(org_id, email desc), comment 'people')"),
                Arguments.of(new DropTable("users", USERS), "DropTable users"),
                Arguments.of(new RenameTable("users", "people"), "RenameTable users -> people"),
                Arguments.of(new AddColumn("users", PHONE), "AddColumn users phone varchar(20) null"),
                Arguments.of(new AddColumn("users", new Column("created", new ColumnType.Timestamp(6, true), false,
                        "now()", false, "when it's made")),
                        "AddColumn users created timestamptz(6) not null default now() comment 'when it''s made'"),
                Arguments.of(new AddColumn("users", new Column("n", new ColumnType.BigInt(), false, null, true, null)),
                        "AddColumn users n bigint not null identity"),
                Arguments.of(new AddColumn("users", PHONE).reverse(), "DropColumn users phone"),
                Arguments.of(new AlterColumn("users", "email", USERS.columns().get(1).withType(new ColumnType.Varchar(200)),
                        USERS.columns().get(1)), "AlterColumn users email varchar(200) -> varchar(320)"),
                Arguments.of(new AlterColumn("users", "phone", PHONE,
                        PHONE.withNullable(false).withDefaultValue("''").withComment("mobile")),
                        "AlterColumn users phone null no default no comment -> not null default '' comment 'mobile'"),
                Arguments.of(new RenameColumn("users", "mail", "email"), "RenameColumn users mail -> email"),
                Arguments.of(new CreateIndex("users", new Index("ix_users_phone", List.of(IndexColumn.asc("phone")), false)),
                        "CreateIndex users ix_users_phone (phone)"),
                Arguments.of(new CreateIndex("users", new Index("ux_users_phone",
                        List.of(new IndexColumn("phone", true)), true)), "CreateIndex users ux_users_phone unique (phone desc)"),
                Arguments.of(new CreateIndex("users", new Index("ix_users_phone", List.of(IndexColumn.asc("phone")), false))
                        .reverse(), "DropIndex users ix_users_phone"),
                Arguments.of(new AddPrimaryKey("users", new PrimaryKey("pk_users", List.of("id"))),
                        "AddPrimaryKey users pk_users (id)"),
                Arguments.of(new DropPrimaryKey("users", new PrimaryKey(null, List.of("id", "org_id"))),
                        "DropPrimaryKey users (id, org_id)"),
                Arguments.of(new AddForeignKey("lines", new ForeignKey("fk_lines_order", List.of("order_id", "tenant"),
                        "orders", List.of("id", "tenant"), ReferentialAction.SET_NULL)),
                        "AddForeignKey lines fk_lines_order (order_id, tenant -> orders(id, tenant) on delete set null)"),
                Arguments.of(new AddForeignKey("lines", new ForeignKey("fk_x", List.of("a"), "t", List.of("id"), null))
                        .reverse(), "DropForeignKey lines fk_x"),
                Arguments.of(new AddUniqueConstraint("users", new UniqueConstraint("uq_a_b", List.of("a", "b"))),
                        "AddUniqueConstraint users uq_a_b (a, b)"),
                Arguments.of(new AddUniqueConstraint("users", new UniqueConstraint("uq_a_b", List.of("a", "b"))).reverse(),
                        "DropUniqueConstraint users uq_a_b"),
                Arguments.of(new AddCheckConstraint("users", new CheckConstraint("ck_n", "n\n  > 0")),
                        "AddCheckConstraint users ck_n (n > 0)"),
                Arguments.of(new AddCheckConstraint("users", new CheckConstraint("ck_n", "n > 0")).reverse(),
                        "DropCheckConstraint users ck_n"),
                Arguments.of(new CreateSequence(new Sequence("orders_seq", 1, 50)),
                        "CreateSequence orders_seq start 1 increment 50"),
                Arguments.of(new CreateSequence(new Sequence("orders_seq", 1, 50)).reverse(), "DropSequence orders_seq"),
                Arguments.of(new ExecuteSql("update users\n   set x = 1", null), "ExecuteSql update users set x = 1"),
                Arguments.of(new ExecuteDialectSql(Map.of(Dialect.SQLITE, "update b", Dialect.POSTGRESQL, "update\n a"),
                        null), "ExecuteDialectSql postgres: update a | sqlite: update b"),
                Arguments.of(new RunCallback("fix\nrows", connection -> { }), "RunCallback fix rows"),
                Arguments.of(new AddColumn("t", Column.of("tags", new ColumnType.Array(new ColumnType.Text()), true)),
                        "AddColumn t tags text[] null"),
                Arguments.of(new AddColumn("t", Column.of("c", new ColumnType.Native("citext"), true)),
                        "AddColumn t c native(citext) null"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("lines")
    void printsOneReadableLine(Operation operation, String expected) {
        assertEquals(expected, OperationText.line(operation));
    }
}
