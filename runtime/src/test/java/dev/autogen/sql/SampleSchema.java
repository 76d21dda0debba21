package dev.autogen.sql;

import dev.autogen.op.AddCheckConstraint;
import dev.autogen.op.AddColumn;
import dev.autogen.op.AddForeignKey;
import dev.autogen.op.AddPrimaryKey;
import dev.autogen.op.AddUniqueConstraint;
import dev.autogen.op.AlterColumn;
import dev.autogen.op.CreateIndex;
import dev.autogen.op.CreateSequence;
import dev.autogen.op.CreateTable;
import dev.autogen.op.DropCheckConstraint;
import dev.autogen.op.DropColumn;
import dev.autogen.op.DropForeignKey;
import dev.autogen.op.DropIndex;
import dev.autogen.op.DropPrimaryKey;
import dev.autogen.op.DropSequence;
import dev.autogen.op.DropTable;
import dev.autogen.op.DropUniqueConstraint;
import dev.autogen.op.ExecuteSql;
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.op.RenameTable;
import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Sequence;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The schema the renderer and interpreter tests start from, and one operation of every kind against it, each with a
 * line the migrated catalog must show afterwards. (SQLite's pragmas print the built-in type names {@code INTEGER},
 * {@code TEXT}, {@code REAL}, {@code BLOB} upper-cased, whatever case the {@code create table} used.)
 *
 * <ul>
 *   <li>{@code parent}: identity key {@code pk_parent}, unique {@code uq_parent_code}, a comment with a quote;</li>
 *   <li>{@code child}: identity key {@code pk_child}, {@code fk_child_parent} (on delete set null), check
 *       {@code ck_child_qty}, index {@code ix_child_name}, a default and a column comment;</li>
 *   <li>{@code tag}: an unnamed primary key (PostgreSQL names it {@code tag_pkey});</li>
 *   <li>{@code loose}: no primary key; and the sequence {@code parent_seq}.</li>
 * </ul>
 */
public final class SampleSchema {
    private SampleSchema() {
    }

    public static final ColumnType BIGINT = new ColumnType.BigInt();
    public static final ColumnType INTEGER = new ColumnType.IntegerType();
    public static final ColumnType TEXT = new ColumnType.Text();

    public static ColumnType varchar(int n) {
        return new ColumnType.Varchar(n);
    }

    public static Column identity(String name) {
        return new Column(name, BIGINT, false, null, true, null);
    }

    public static final Table PARENT = new Table("parent",
            List.of(identity("id"), Column.of("code", varchar(20), false)),
            new PrimaryKey("pk_parent", List.of("id")),
            List.of(new UniqueConstraint("uq_parent_code", List.of("code"))),
            List.of(), List.of(), List.of(), "Parents' table");

    public static final Table CHILD = new Table("child",
            List.of(identity("id"),
                    Column.of("parent_id", BIGINT, true),
                    Column.of("owner_id", BIGINT, true),
                    new Column("name", varchar(50), false, "'x'", false, null),
                    Column.of("qty", INTEGER, true),
                    new Column("note", TEXT, true, null, false, "free text")),
            new PrimaryKey("pk_child", List.of("id")),
            List.of(),
            List.of(new ForeignKey("fk_child_parent", List.of("parent_id"), "parent", List.of("id"),
                    ReferentialAction.SET_NULL)),
            List.of(new CheckConstraint("ck_child_qty", "qty >= 0")),
            List.of(new Index("ix_child_name", List.of(IndexColumn.asc("name")), false)),
            null);

    public static final Table TAG = new Table("tag",
            List.of(Column.of("label", varchar(20), false), Column.of("weight", INTEGER, true)),
            new PrimaryKey(null, List.of("label")), List.of(), List.of(), List.of(), List.of(), null);

    public static final Table LOOSE = Table.of("loose",
            List.of(Column.of("a", varchar(10), false), Column.of("b", INTEGER, true)));

    public static final Schema BASE = new Schema(List.of(PARENT, CHILD, TAG, LOOSE),
            List.of(new Sequence("parent_seq", 1, 50)));

    /**
     * One operation against {@link #BASE}, and a line each catalog snapshot must contain after it (null: the
     * operation changes nothing that dialect keeps).
     */
    public record Case(String name, Operation operation, String postgresLine, String sqliteLine) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<Case> cases() {
        Table extra = new Table("extra",
                List.of(Column.of("id", INTEGER, false),
                        Column.of("parent_id", BIGINT, false),
                        new Column("code", new ColumnType.Char(3), true, "'abc'", false, "three letters"),
                        new Column("amount", new ColumnType.Numeric(10, 2), false, "0", false, null),
                        Column.of("at", new ColumnType.Timestamp(6, true), true)),
                new PrimaryKey("pk_extra", List.of("id")),
                List.of(new UniqueConstraint("uq_extra_code", List.of("code"))),
                List.of(new ForeignKey("fk_extra_parent", List.of("parent_id"), "parent", List.of("id"),
                        ReferentialAction.CASCADE)),
                List.of(new CheckConstraint("ck_extra_amount", "amount >= 0")),
                List.of(new Index("ix_extra_parent_at", List.of(IndexColumn.asc("parent_id"),
                        new IndexColumn("at", true)), false)),
                "it's extra");
        Column name = CHILD.column("name").orElseThrow();
        Column qty = CHILD.column("qty").orElseThrow();
        Column weight = TAG.column("weight").orElseThrow();
        Column note = CHILD.column("note").orElseThrow();
        return List.of(
                new Case("create table with every kind of constraint", new CreateTable(extra),
                        "index extra.ix_extra_parent_at CREATE INDEX ix_extra_parent_at ON public.extra USING btree (parent_id, at DESC)",
                        "fk extra (parent_id) -> parent (id) on delete CASCADE"),
                new Case("drop table", new DropTable("child", CHILD), null, null),
                new Case("rename a referenced table", new RenameTable("parent", "guardian"),
                        "constraint child.fk_child_parent FOREIGN KEY (parent_id) REFERENCES guardian(id) ON DELETE SET NULL",
                        "fk child (parent_id) -> guardian (id) on delete SET NULL"),
                new Case("add a nullable column", new AddColumn("child", Column.of("nickname", varchar(30), true)),
                        "column child.nickname character varying(30)",
                        "column child.nickname varchar(30)"),
                new Case("add a not-null column with a default",
                        new AddColumn("child", new Column("active", new ColumnType.BooleanType(), false, "true", false, null)),
                        "column child.active boolean not null default true",
                        "column child.active boolean not null default true"),
                new Case("add a not-null column without default (SQLite rebuilds)",
                        new AddColumn("loose", Column.of("c", INTEGER, false)),
                        "column loose.c integer not null",
                        "column loose.c INTEGER not null"),
                new Case("drop a column", new DropColumn("child", "note", note),
                        "column child.qty integer", "column child.qty INTEGER"),
                new Case("widen a column, make it nullable, change its default",
                        new AlterColumn("child", "name", name, new Column("name", varchar(100), true, "'y'", false, null)),
                        "column child.name character varying(100) default 'y'::character varying",
                        "column child.name varchar(100) default 'y'"),
                new Case("change a column's type and make it not null with a default",
                        new AlterColumn("child", "qty", qty, new Column("qty", BIGINT, false, "0", false, null)),
                        "column child.qty bigint not null default 0",
                        "column child.qty bigint not null default 0"),
                new Case("make a column an identity",
                        new AlterColumn("tag", "weight", weight, weight.withNullable(false).withIdentity(true)),
                        "column tag.weight integer not null identity d",
                        "column tag.weight INTEGER not null"),
                new Case("change only a comment",
                        new AlterColumn("child", "note", note, note.withComment("notes, 'quoted'")),
                        "column child.note text comment notes, 'quoted'", null),
                new Case("rename a referenced key column", new RenameColumn("parent", "id", "pid"),
                        "constraint child.fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent(pid) ON DELETE SET NULL",
                        "fk child (parent_id) -> parent (pid) on delete SET NULL"),
                new Case("rename an indexed and checked column", new RenameColumn("child", "qty", "quantity"),
                        "constraint child.ck_child_qty CHECK ((quantity >= 0))",
                        "column child.quantity INTEGER"),
                new Case("create a two-column index", new CreateIndex("child", new Index("ix_child_parent_name",
                                List.of(IndexColumn.asc("parent_id"), new IndexColumn("name", true)), false)),
                        "index child.ix_child_parent_name CREATE INDEX ix_child_parent_name ON public.child USING btree (parent_id, name DESC)",
                        "index child.ix_child_parent_name c (parent_id, name desc)"),
                new Case("create a unique index", new CreateIndex("loose", new Index("ux_loose_a",
                                List.of(IndexColumn.asc("a")), true)),
                        "index loose.ux_loose_a CREATE UNIQUE INDEX ux_loose_a ON public.loose USING btree (a)",
                        "index loose.ux_loose_a unique c (a)"),
                new Case("drop an index", new DropIndex("child", "ix_child_name", CHILD.indexes().getFirst()),
                        null, null),
                new Case("add a primary key", new AddPrimaryKey("loose", new PrimaryKey("pk_loose", List.of("a"))),
                        "constraint loose.pk_loose PRIMARY KEY (a)", "column loose.a varchar(10) not null pk 1"),
                new Case("drop an unnamed primary key", new DropPrimaryKey("tag", TAG.primaryKey()),
                        null, "column tag.label varchar(20) not null"),
                new Case("drop the primary key of a rowid table", new DropPrimaryKey("child", CHILD.primaryKey()),
                        null, "column child.id bigint not null"),
                new Case("add a cascading foreign key", new AddForeignKey("child", new ForeignKey("fk_child_owner",
                                List.of("owner_id"), "parent", List.of("id"), ReferentialAction.CASCADE)),
                        "constraint child.fk_child_owner FOREIGN KEY (owner_id) REFERENCES parent(id) ON DELETE CASCADE",
                        "fk child (owner_id) -> parent (id) on delete CASCADE"),
                new Case("drop a foreign key", new DropForeignKey("child", "fk_child_parent",
                                CHILD.foreignKeys().getFirst()), null, null),
                new Case("add a unique constraint", new AddUniqueConstraint("child",
                                new UniqueConstraint("uq_child_name_parent", List.of("name", "parent_id"))),
                        "constraint child.uq_child_name_parent UNIQUE (name, parent_id)",
                        "index child.sqlite_autoindex_child_1 unique u (name, parent_id)"),
                new Case("drop a unique constraint", new DropUniqueConstraint("parent", "uq_parent_code",
                                PARENT.uniqueConstraints().getFirst()), null, null),
                new Case("add a check constraint", new AddCheckConstraint("child",
                                new CheckConstraint("ck_child_name", "length(name) > 0")),
                        "constraint child.ck_child_name CHECK ((length((name)::text) > 0))",
                        "sql child: CREATE TABLE \"child\" (\"id\" integer constraint \"pk_child\" primary key, \"parent_id\" bigint,"
                                + " \"owner_id\" bigint, \"name\" varchar(50) default 'x' not null, \"qty\" integer,"
                                + " \"note\" text, constraint \"ck_child_name\" check (length(name) > 0),"
                                + " constraint \"ck_child_qty\" check (qty >= 0), constraint \"fk_child_parent\""
                                + " foreign key (\"parent_id\") references \"parent\" (\"id\") on delete set null)"),
                new Case("drop a check constraint", new DropCheckConstraint("child", "ck_child_qty",
                                CHILD.checks().getFirst()), null, null),
                new Case("create a sequence", new CreateSequence(new Sequence("order_seq", 100, 5)),
                        "sequence order_seq start 100 increment 5", null),
                new Case("drop a sequence", new DropSequence("parent_seq", BASE.sequence("parent_seq").orElseThrow()),
                        null, null),
                new Case("raw SQL", new ExecuteSql("create table \"raw\" (\"x\" integer)", "drop table \"raw\""),
                        "column raw.x integer", "column raw.x INTEGER"));
    }

    /** The operations that create {@code schema} from nothing: sequences, then tables with referenced ones first. */
    public static List<Operation> creation(Schema schema) {
        List<Operation> operations = new ArrayList<>();
        schema.sequences().forEach(s -> operations.add(new CreateSequence(s)));
        Set<String> created = new HashSet<>();
        List<Table> pending = new ArrayList<>(schema.tables());
        while (!pending.isEmpty()) {
            Table next = pending.stream().filter(t -> t.foreignKeys().stream()
                            .allMatch(fk -> fk.referencedTable().equals(t.name()) || created.contains(fk.referencedTable())))
                    .findFirst().orElseThrow(() -> new IllegalStateException("foreign-key cycle in test schema"));
            operations.add(new CreateTable(next));
            created.add(next.name());
            pending.remove(next);
        }
        return operations;
    }
}
