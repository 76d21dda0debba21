package dev.autogen.generator.diff;

import static dev.autogen.generator.diff.TableBuilder.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.op.Operation;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Sequence;
import dev.autogen.schema.Table;
import dev.autogen.sql.Dialect;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differ's specification as data: for each case, the plan it must print, one {@link OperationText} line per
 * operation. Every case also checks the plan's invariants with {@link SchemaApplier}: it applies cleanly in order,
 * re-diffing the result against the target is empty, and the reversed plan brings back the current schema.
 */
class SchemaDifferCasesTest {

    private static final Dialect PG = Dialect.POSTGRESQL;
    private static final Dialect SQLITE = Dialect.SQLITE;

    record Case(String name, Dialect dialect, Schema current, Schema target, List<String> expected) {
        @Override
        public String toString() {
            return name + " [" + dialect.displayName() + "]";
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // everything a table can carry, compared with itself: nothing to do
                new Case("identical schemas", PG, rich(), rich(), List.of()),
                new Case("identical schemas", SQLITE, rich(), rich(), List.of()),
                new Case("new table: indexes follow as their own operations", PG,
                        schema(), schema(users().index("ix_users_email_lower", "email desc").build()),
                        List.of("CreateTable users (id uuid not null, email varchar(320) not null, pk(id), uq(email))",
                                "CreateIndex users ix_users_email_lower (email desc)")),
                new Case("dropped table", PG, schema(users().build()), schema(), List.of("DropTable users")),
                new Case("added column", PG,
                        schema(users().build()), schema(users().nullableCol("phone", new ColumnType.Varchar(20)).build()),
                        List.of("AddColumn users phone varchar(20) null")),
                new Case("dropped column", PG,
                        schema(users().nullableCol("phone", new ColumnType.Varchar(20)).build()), schema(users().build()),
                        List.of("DropColumn users phone")),
                new Case("column order is irrelevant", SQLITE,
                        schema(table("t").col("a", new ColumnType.IntegerType()).col("b", new ColumnType.Text()).build()),
                        schema(table("t").col("b", new ColumnType.Text()).col("a", new ColumnType.IntegerType()).build()),
                        List.of()),
                new Case("type change", PG,
                        schema(users(200).build()), schema(users().build()),
                        List.of("AlterColumn users email varchar(200) -> varchar(320)")),
                new Case("type spelled differently by the catalog", SQLITE,
                        schema(table("t").col("a", new ColumnType.Native("VARCHAR( 255 )")).build()),
                        schema(table("t").col("a", new ColumnType.Varchar(255)).build()),
                        List.of()),
                new Case("nullability change", PG,
                        schema(users().nullableCol("phone", new ColumnType.Varchar(20)).build()),
                        schema(users().col("phone", new ColumnType.Varchar(20)).build()),
                        List.of("AlterColumn users phone null -> not null")),
                new Case("default change", PG,
                        schema(status("'ACTIVE'")), schema(status("'CLOSED'")),
                        List.of("AlterColumn users status default 'ACTIVE' -> default 'CLOSED'")),
                new Case("same default, other spacing and parentheses", PG,
                        schema(status("'A'")), schema(status(" ( 'A' ) ")), List.of()),
                new Case("explicit null default is no default", PG,
                        schema(status(null)), schema(status("NULL")), List.of()),
                new Case("default case inside a literal matters", PG,
                        schema(status("'a'")), schema(status("'A'")),
                        List.of("AlterColumn users status default 'a' -> default 'A'")),
                new Case("uuid and binary are both blob on SQLite", SQLITE,
                        schema(token(new ColumnType.Binary())), schema(token(new ColumnType.Uuid())), List.of()),
                new Case("uuid and binary differ on PostgreSQL", PG,
                        schema(token(new ColumnType.Binary())), schema(token(new ColumnType.Uuid())),
                        List.of("AlterColumn tokens value bytea -> uuid")),
                new Case("identity change", PG,
                        schema(table("t").col("id", new ColumnType.BigInt()).pk("id").build()),
                        schema(table("t").col(new Column("id", new ColumnType.BigInt(), false, null, true, null))
                                .pk("id").build()),
                        List.of("AlterColumn t id no identity -> identity")),
                new Case("comment change on PostgreSQL", PG,
                        schema(commented("old")), schema(commented("new")),
                        List.of("AlterColumn t a comment 'old' -> comment 'new'")),
                new Case("entity without comment keeps the database's", PG,
                        schema(commented("old")), schema(commented(null)), List.of()),
                new Case("comments are not compared on SQLite", SQLITE,
                        schema(commented("old")), schema(commented("new")), List.of()),
                new Case("primary key change", PG,
                        schema(table("m").col("a", new ColumnType.IntegerType()).col("b", new ColumnType.IntegerType())
                                .pk("a").build()),
                        schema(table("m").col("a", new ColumnType.IntegerType()).col("b", new ColumnType.IntegerType())
                                .pkNamed("m_pkey", "a", "b").build()),
                        List.of("DropPrimaryKey m pk_m", "AddPrimaryKey m m_pkey (a, b)")),
                new Case("primary key with another name", PG,
                        schema(table("m").col("a", new ColumnType.IntegerType()).pkNamed("m_pkey", "a").build()),
                        schema(table("m").col("a", new ColumnType.IntegerType()).pkNamed("PK_M_HASH", "a").build()),
                        List.of()),
                new Case("unique with another name, same columns", PG,
                        schema(users().build()),
                        schema(users("UK6dotkott2kjsp8vw4d0m25fb7").build()), List.of()),
                new Case("unique index in the catalog, unique constraint in the entity", PG,
                        schema(usersWithoutUnique().uniqueIndex("users_email_idx", "email").build()),
                        schema(users().build()), List.of()),
                new Case("unique constraint in the catalog, unique index in the entity", SQLITE,
                        schema(users().build()),
                        schema(usersWithoutUnique().uniqueIndex("users_email_idx", "email").build()), List.of()),
                new Case("unique columns reordered", PG,
                        schema(pair().unique("uq_p", "a", "b").build()), schema(pair().unique("uq_p", "b", "a").build()),
                        List.of("DropUniqueConstraint p uq_p", "AddUniqueConstraint p uq_p (b, a)")),
                new Case("index with another name", PG,
                        schema(pair().index("ix_one", "a", "b").build()), schema(pair().index("ix_two", "a", "b").build()),
                        List.of()),
                new Case("index descending instead of ascending", PG,
                        schema(pair().index("ix_p_a", "a").build()), schema(pair().index("ix_p_a", "a desc").build()),
                        List.of("DropIndex p ix_p_a", "CreateIndex p ix_p_a (a desc)")),
                new Case("index becomes unique", SQLITE,
                        schema(pair().index("ix_p_a", "a", "b").build()),
                        schema(pair().uniqueIndex("ux_p_a", "a", "b").build()),
                        List.of("DropIndex p ix_p_a", "CreateIndex p ux_p_a unique (a, b)")),
                new Case("foreign key on delete change", PG,
                        schema(orgs(), members(ReferentialAction.NO_ACTION)),
                        schema(orgs(), members(ReferentialAction.CASCADE)),
                        List.of("DropForeignKey members fk_members_org_id_orgs",
                                "AddForeignKey members fk_members_org_id_orgs (org_id -> orgs.id on delete cascade)")),
                new Case("foreign key with another name", PG,
                        schema(orgs(), members(ReferentialAction.CASCADE)),
                        schema(orgs(), table("members").col("id", new ColumnType.BigInt()).col("org_id", new ColumnType.BigInt())
                                .pk("id").fk("FKcap4ufthfjw", "org_id", "orgs", "id", ReferentialAction.CASCADE).build()),
                        List.of()),
                new Case("check added", PG,
                        schema(pair().build()), schema(pair().check("ck_p_a", "a > 0").build()),
                        List.of("AddCheckConstraint p ck_p_a (a > 0)")),
                new Case("check removed", PG,
                        schema(pair().check("p_a_check", "a > 0").build()), schema(pair().build()),
                        List.of("DropCheckConstraint p p_a_check")),
                new Case("same check, other name and spelling", PG,
                        schema(pair().check("p_a_check", "((A > 0))").build()),
                        schema(pair().check("ck_p_a", "a > 0").build()), List.of()),
                new Case("new tables: referenced table first, whatever the names", PG,
                        schema(),
                        schema(table("invoices").col("id", new ColumnType.BigInt()).col("order_id", new ColumnType.BigInt())
                                        .pk("id").fk("fk_invoices_order_id_orders", "order_id", "orders", "id").build(),
                                table("orders").col("id", new ColumnType.BigInt()).pk("id").build()),
                        List.of("CreateTable orders (id bigint not null, pk(id))",
                                "CreateTable invoices (id bigint not null, order_id bigint not null, pk(id), "
                                        + "fk(order_id -> orders.id))")),
                new Case("foreign-key cycle between new tables", PG,
                        schema(), schema(departments(), employees()),
                        List.of("CreateTable departments (id bigint not null, manager_id bigint null, pk(id))",
                                "CreateTable employees (id bigint not null, department_id bigint not null, "
                                        + "boss_id bigint null, pk(id), fk(boss_id -> employees.id), "
                                        + "fk(department_id -> departments.id))",
                                "AddForeignKey departments fk_departments_manager_id_employees "
                                        + "(manager_id -> employees.id)")),
                new Case("foreign-key cycle between dropped tables", PG,
                        schema(departments(), employees()), schema(),
                        List.of("DropForeignKey departments fk_departments_manager_id_employees",
                                "DropTable employees", "DropTable departments")),
                new Case("dropped table referenced by another dropped table", PG,
                        schema(table("customers").col("id", new ColumnType.BigInt()).pk("id").build(),
                                table("invoices").col("id", new ColumnType.BigInt())
                                        .col("customer_id", new ColumnType.BigInt()).pk("id")
                                        .fk("fk_invoices_customer_id_customers", "customer_id", "customers", "id").build()),
                        schema(), List.of("DropTable invoices", "DropTable customers")),
                new Case("dropped table referenced by a surviving table", PG,
                        schema(orgs(), members(ReferentialAction.NO_ACTION)),
                        schema(table("members").col("id", new ColumnType.BigInt()).pk("id").build()),
                        List.of("DropForeignKey members fk_members_org_id_orgs", "DropColumn members org_id",
                                "DropTable orgs")),
                new Case("new table referencing a key the plan adds to an existing table", PG,
                        schema(table("codes").col("id", new ColumnType.BigInt()).col("code", new ColumnType.Varchar(8))
                                .pk("id").build()),
                        schema(table("codes").col("id", new ColumnType.BigInt()).col("code", new ColumnType.Varchar(8))
                                        .pk("id").unique("uq_codes_code", "code").build(),
                                table("uses").col("code", new ColumnType.Varchar(8))
                                        .fk("fk_uses_code_codes", "code", "codes", "code").build()),
                        List.of("CreateTable uses (code varchar(8) not null)",
                                "AddUniqueConstraint codes uq_codes_code (code)",
                                "AddForeignKey uses fk_uses_code_codes (code -> codes.code)")),
                new Case("existing table gets a foreign key to a new table", SQLITE,
                        schema(table("members").col("id", new ColumnType.BigInt()).pk("id").build()),
                        schema(orgs(), members(ReferentialAction.SET_NULL)),
                        List.of("CreateTable orgs (id bigint not null, pk(id))",
                                "AddColumn members org_id bigint not null",
                                "AddForeignKey members fk_members_org_id_orgs (org_id -> orgs.id on delete set null)")),
                new Case("changed sequence on PostgreSQL", PG,
                        new Schema(List.of(), List.of(new Sequence("s_seq", 1, 1), new Sequence("old_seq", 1, 1))),
                        new Schema(List.of(), List.of(new Sequence("s_seq", 1, 50), new Sequence("new_seq", 5, 1))),
                        List.of("CreateSequence new_seq start 5 increment 1",
                                "AlterSequence s_seq start 1 -> 1 increment 1 -> 50", "DropSequence old_seq")),
                new Case("sequences are not compared on SQLite", SQLITE,
                        new Schema(List.of(), List.of(new Sequence("s_seq", 1, 1))),
                        new Schema(List.of(), List.of(new Sequence("s_seq", 1, 50))), List.of()),
                new Case("the migrator's version tables are never diffed", PG,
                        schema(table("autogen_version").col("revision", new ColumnType.Varchar(64)).build()), schema(),
                        List.of()),
                new Case("an added unique needs the name a matched one holds: that one is re-added", PG,
                        schema(pair().unique("uq_x", "a").build()),
                        schema(pair().unique("uq_y", "a").unique("uq_x", "b").build()),
                        List.of("DropUniqueConstraint p uq_x", "AddUniqueConstraint p uq_x (b)",
                                "AddUniqueConstraint p uq_y (a)")),
                new Case("names swapped between matched uniques: nothing to do", PG,
                        schema(pair().unique("uq_x", "a").unique("uq_y", "b").build()),
                        schema(pair().unique("uq_x", "b").unique("uq_y", "a").build()), List.of()),
                new Case("new self-referencing table, key inline", PG,
                        schema(), schema(nodes().pk("id").build()),
                        List.of("CreateTable nodes (id bigint not null, parent_id bigint null, pk(id), "
                                + "fk(parent_id -> nodes.id))")),
                new Case("new self-referencing table whose key is a unique index: the key waits for the index", PG,
                        schema(), schema(nodes().uniqueIndex("ux_nodes_id", "id").build()),
                        List.of("CreateTable nodes (id bigint not null, parent_id bigint null)",
                                "CreateIndex nodes ux_nodes_id unique (id)",
                                "AddForeignKey nodes fk_nodes_parent_id_nodes (parent_id -> nodes.id)")),
                new Case("referenced primary key becomes a unique constraint: the foreign key is rebuilt around it", PG,
                        schema(orgs(), members(ReferentialAction.CASCADE)),
                        schema(orgsKeyedByUnique(), members(ReferentialAction.CASCADE)),
                        List.of("DropForeignKey members fk_members_org_id_orgs", "DropPrimaryKey orgs pk_orgs",
                                "AddUniqueConstraint orgs uq_orgs_id (id)",
                                "AddForeignKey members fk_members_org_id_orgs (org_id -> orgs.id on delete cascade)")),
                new Case("both sides of a foreign key change type: the key is rebuilt around them", PG,
                        schema(orgs(), members(ReferentialAction.NO_ACTION)),
                        schema(table("orgs").col("id", new ColumnType.Uuid()).pk("id").build(),
                                table("members").col("id", new ColumnType.BigInt()).col("org_id", new ColumnType.Uuid())
                                        .pk("id").fk("fk_members_org_id_orgs", "org_id", "orgs", "id").build()),
                        List.of("DropForeignKey members fk_members_org_id_orgs",
                                "AlterColumn members org_id bigint -> uuid", "AlterColumn orgs id bigint -> uuid",
                                "AddForeignKey members fk_members_org_id_orgs (org_id -> orgs.id)")),
                new Case("dropped table referencing a key the plan drops: its foreign key goes first", PG,
                        schema(orgs(), members(ReferentialAction.NO_ACTION)), schema(orgsKeyedByUnique()),
                        List.of("DropForeignKey members fk_members_org_id_orgs", "DropPrimaryKey orgs pk_orgs",
                                "DropTable members", "AddUniqueConstraint orgs uq_orgs_id (id)")),
                new Case("phases: constraints dropped before columns, columns added before indexes", PG,
                        schema(pair().nullableCol("c", new ColumnType.Text()).index("ix_p_c", "c")
                                .unique("uq_p_c", "c").build()),
                        schema(pair().nullableCol("d", new ColumnType.Text()).index("ix_p_d", "d").build()),
                        List.of("DropIndex p ix_p_c", "DropUniqueConstraint p uq_p_c", "DropColumn p c",
                                "AddColumn p d text null", "CreateIndex p ix_p_d (d)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactly(Case c) {
        SchemaDiffer differ = new SchemaDiffer(c.dialect());
        List<Operation> plan = differ.diff(c.current(), c.target());
        assertEquals(c.expected(), plan.stream().map(OperationText::line).toList());

        Schema upgraded = SchemaApplier.apply(c.current(), plan, c.dialect());
        assertEquals(List.of(), lines(differ.diff(upgraded, c.target())), "re-diff after the plan");
        Schema downgraded = SchemaApplier.apply(upgraded, SchemaApplier.reverse(plan), c.dialect());
        assertEquals(List.of(), lines(differ.diff(downgraded, c.current())), "re-diff after the reverse");
    }

    @Test
    void defaultsAndChecksAreComparedThroughTheInjectedCanonicalizer() {
        // what PostgreSQL reads back, and what the entity says
        Schema catalog = schema(table("users").col(new Column("status", new ColumnType.Varchar(20), false,
                "'ACTIVE'::character varying", false, null)).check("users_status_check", "(status)::text <> ''").build());
        Schema entities = schema(table("users").col(new Column("status", new ColumnType.Varchar(20), false,
                "'ACTIVE'", false, null)).check("ck_users_status", "status <> ''").build());
        ExpressionCanonicalizer verbatim = expression -> expression;

        assertEquals(List.of(), new SchemaDiffer(PG).diff(catalog, entities), "the canonical form drops the casts");
        assertEquals(List.of("DropCheckConstraint users users_status_check",
                        "AlterColumn users status default 'ACTIVE'::character varying -> default 'ACTIVE'",
                        "AddCheckConstraint users ck_users_status (status <> '')"),
                lines(new SchemaDiffer(PG, verbatim).diff(catalog, entities)), "verbatim text keeps the casts apart");
    }

    private static List<String> lines(List<Operation> plan) {
        return plan.stream().map(OperationText::line).toList();
    }

    private static Schema schema(Table... tables) {
        return new Schema(List.of(tables), List.of());
    }

    private static TableBuilder users() {
        return users("uq_users_email");
    }

    private static TableBuilder users(String uniqueName) {
        return usersWithoutUnique().unique(uniqueName, "email");
    }

    private static TableBuilder users(int emailLength) {
        return table("users").col("id", new ColumnType.Uuid()).col("email", new ColumnType.Varchar(emailLength))
                .pk("id").unique("uq_users_email", "email");
    }

    private static TableBuilder usersWithoutUnique() {
        return table("users").col("id", new ColumnType.Uuid()).col("email", new ColumnType.Varchar(320)).pk("id");
    }

    private static Table status(String defaultValue) {
        return table("users").col("id", new ColumnType.Uuid())
                .col(new Column("status", new ColumnType.Varchar(20), false, defaultValue, false, null)).pk("id").build();
    }

    private static Table token(ColumnType type) {
        return table("tokens").col("id", new ColumnType.BigInt()).col("value", type).pk("id").build();
    }

    private static Table commented(String comment) {
        return table("t").col(new Column("a", new ColumnType.Text(), true, null, false, comment)).build();
    }

    private static TableBuilder pair() {
        return table("p").col("a", new ColumnType.IntegerType()).col("b", new ColumnType.IntegerType());
    }

    private static Table orgs() {
        return table("orgs").col("id", new ColumnType.BigInt()).pk("id").build();
    }

    private static Table members(ReferentialAction onDelete) {
        return table("members").col("id", new ColumnType.BigInt()).col("org_id", new ColumnType.BigInt()).pk("id")
                .fk("fk_members_org_id_orgs", "org_id", "orgs", "id", onDelete).build();
    }

    private static Table orgsKeyedByUnique() {
        return table("orgs").col("id", new ColumnType.BigInt()).unique("uq_orgs_id", "id").build();
    }

    private static TableBuilder nodes() {
        return table("nodes").col("id", new ColumnType.BigInt()).nullableCol("parent_id", new ColumnType.BigInt())
                .fk("fk_nodes_parent_id_nodes", "parent_id", "nodes", "id");
    }

    private static Table departments() {
        return table("departments").col("id", new ColumnType.BigInt()).nullableCol("manager_id", new ColumnType.BigInt())
                .pk("id").fk("fk_departments_manager_id_employees", "manager_id", "employees", "id").build();
    }

    private static Table employees() {
        return table("employees").col("id", new ColumnType.BigInt()).col("department_id", new ColumnType.BigInt())
                .nullableCol("boss_id", new ColumnType.BigInt()).pk("id")
                .fk("fk_employees_department_id_departments", "department_id", "departments", "id")
                .fk("fk_employees_boss_id_employees", "boss_id", "employees", "id").build();
    }

    /** One table of each feature, for the identity cases. */
    private static Schema rich() {
        Table orgs = table("orgs").col("id", new ColumnType.BigInt())
                .col(new Column("name", new ColumnType.Varchar(100), false, "'none'", false, "display name"))
                .col("created", new ColumnType.Timestamp(6, true)).pk("id").unique("uq_orgs_name", "name")
                .check("ck_orgs_id", "id > 0").index("ix_orgs_created", "created desc", "name").build();
        return new Schema(List.of(orgs, members(ReferentialAction.CASCADE), departments(), employees()),
                List.of(new Sequence("orgs_seq", 1, 50)));
    }
}
