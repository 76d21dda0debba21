package dev.autogen.sql.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.op.AddColumn;
import dev.autogen.op.AlterColumn;
import dev.autogen.op.CreateSequence;
import dev.autogen.op.CreateTable;
import dev.autogen.op.DropColumn;
import dev.autogen.op.DropSequence;
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.op.RenameTable;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Sequence;
import dev.autogen.sql.SampleSchema;
import dev.autogen.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact SQLite a reviewer reads in {@code autogen show --sql}, the table rebuild included. */
class SqliteDdlRendererTest {
    private final SqliteDdlRenderer renderer = new SqliteDdlRenderer();

    private List<String> sql(Operation operation) {
        return renderer.render(operation, SampleSchema.BASE).stream().map(Statement::sql).toList();
    }

    @Test
    void createTableMakesTheSoleIdentityKeyARowidAliasAndSkipsComments() {
        assertEquals(List.of(
                "create table \"child\" (\"id\" integer constraint \"pk_child\" primary key, \"parent_id\" bigint, \"owner_id\" bigint,"
                        + " \"name\" varchar(50) default 'x' not null, \"qty\" integer, \"note\" text,"
                        + " constraint \"ck_child_qty\" check (qty >= 0),"
                        + " constraint \"fk_child_parent\" foreign key (\"parent_id\") references \"parent\" (\"id\")"
                        + " on delete set null)",
                "create index \"ix_child_name\" on \"child\" (\"name\")"),
                sql(new CreateTable(SampleSchema.CHILD)));
        assertEquals(List.of("create table \"tag\" (\"label\" varchar(20) not null, \"weight\" integer,"
                        + " primary key (\"label\"))"),
                sql(new CreateTable(SampleSchema.TAG)));
    }

    @Test
    void dropColumnRebuildsTheTable() {
        assertEquals(List.of(
                "create table \"_autogen_new_child\" (\"id\" integer constraint \"pk_child\" primary key, \"parent_id\" bigint,"
                        + " \"owner_id\" bigint, \"name\" varchar(50) default 'x' not null, \"qty\" integer,"
                        + " constraint \"ck_child_qty\" check (qty >= 0),"
                        + " constraint \"fk_child_parent\" foreign key (\"parent_id\") references \"parent\" (\"id\")"
                        + " on delete set null)",
                "insert into \"_autogen_new_child\" (\"id\", \"parent_id\", \"owner_id\", \"name\", \"qty\")"
                        + " select \"id\", \"parent_id\", \"owner_id\", \"name\", \"qty\" from \"child\"",
                "drop table \"child\"",
                "PRAGMA legacy_alter_table=ON",
                "alter table \"_autogen_new_child\" rename to \"child\"",
                "PRAGMA legacy_alter_table=OFF",
                "create index \"ix_child_name\" on \"child\" (\"name\")"),
                sql(new DropColumn("child", "note", null)));
    }

    @Test
    void addColumnUsesAlterTableWhenSqliteCanAndRebuildsOtherwise() {
        assertEquals(List.of("alter table \"child\" add column \"active\" boolean default true not null"),
                sql(new AddColumn("child", new Column("active", new ColumnType.BooleanType(), false, "true", false,
                        null))));
        assertEquals(List.of("alter table \"child\" add column \"nick\" varchar(30)"),
                sql(new AddColumn("child", Column.of("nick", SampleSchema.varchar(30), true))));
        // SQLite refuses a non-constant default in ALTER TABLE ADD COLUMN, and a NOT NULL column without default
        List<String> timestamp = sql(new AddColumn("child", new Column("at", new ColumnType.Timestamp(null, false),
                false, "current_timestamp", false, null)));
        assertEquals("create table \"_autogen_new_child\" (\"id\" integer constraint \"pk_child\" primary key, \"parent_id\" bigint,"
                + " \"owner_id\" bigint, \"name\" varchar(50) default 'x' not null, \"qty\" integer, \"note\" text,"
                + " \"at\" timestamp default current_timestamp not null, constraint \"ck_child_qty\" check (qty >= 0),"
                + " constraint \"fk_child_parent\" foreign key (\"parent_id\") references \"parent\" (\"id\")"
                + " on delete set null)", timestamp.getFirst());
        assertEquals(7, timestamp.size());
        assertEquals(7, sql(new AddColumn("child", Column.of("rank", SampleSchema.INTEGER, false))).size());
    }

    @Test
    void anExpressionDefaultIsParenthesised() {
        assertEquals("\"code\" text default (lower('X'))", SqliteDdlTableDefinition.column(
                new Column("code", SampleSchema.TEXT, true, "lower('X')", false, null)));
        assertEquals("\"n\" integer default -1", SqliteDdlTableDefinition.column(
                new Column("n", SampleSchema.INTEGER, true, "-1", false, null)));
    }

    @Test
    void whatSqliteDoesNotKeepRendersNothing() {
        Column note = SampleSchema.CHILD.column("note").orElseThrow();
        assertEquals(List.of(), sql(new AlterColumn("child", "note", note, note.withComment("changed"))));
        Column qty = SampleSchema.CHILD.column("qty").orElseThrow();
        // real and double precision are both "float" on SQLite
        Column real = qty.withType(new ColumnType.Real());
        Schema withReal = new Schema(List.of(SampleSchema.CHILD.mapColumn("qty", c -> real)), List.of());
        assertEquals(List.of(), renderer.render(new AlterColumn("child", "qty", real,
                real.withType(new ColumnType.DoublePrecision())), withReal));
        assertEquals(List.of(), sql(new CreateSequence(new Sequence("s", 1, 1))));
        assertEquals(List.of(), sql(new DropSequence("parent_seq", null)));
    }

    @Test
    void renamesUseAlterTable() {
        assertEquals(List.of("alter table \"child\" rename to \"kid\""), sql(new RenameTable("child", "kid")));
        assertEquals(List.of("alter table \"child\" rename column \"qty\" to \"quantity\""),
                sql(new RenameColumn("child", "qty", "quantity")));
    }
}
