package dev.autogen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.op.AddColumn;
import dev.autogen.op.CreateIndex;
import dev.autogen.op.CreateTable;
import dev.autogen.op.DropColumn;
import dev.autogen.op.DropIndex;
import dev.autogen.op.DropTable;
import dev.autogen.op.ExecuteSql;
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.op.RenameTable;
import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import dev.autogen.sql.SampleSchema;
import dev.autogen.sql.SampleSchema.Case;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaInterpreterTest {
    private static final Schema BASE = SampleSchema.BASE;

    static List<Case> cases() {
        return SampleSchema.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anOperationThenItsReverseGivesBackTheSchema(Case testCase) {
        Operation operation = testCase.operation();
        Schema after = SchemaInterpreter.apply(BASE, operation);
        if (!(operation instanceof ExecuteSql)) {
            assertNotEquals(BASE, after, "the operation changed the schema");
        }
        assertEquals(BASE, SchemaInterpreter.apply(after, operation.reverse()));
    }

    @Test
    void executeSqlIsOpaque() {
        assertEquals(BASE, SchemaInterpreter.apply(BASE, new ExecuteSql("drop table \"child\"", null)));
    }

    @Test
    void applyAllReplaysInOrderFromNothing() {
        assertEquals(BASE, SchemaInterpreter.applyAll(Schema.EMPTY, SampleSchema.creation(BASE)));
    }

    @Test
    void renamingAKeyColumnRenamesItEverywhere() {
        Table table = new Table("account",
                List.of(Column.of("id", SampleSchema.BIGINT, false), Column.of("manager_id", SampleSchema.BIGINT, true),
                        Column.of("email", SampleSchema.varchar(100), false)),
                new PrimaryKey("pk_account", List.of("id")),
                List.of(new UniqueConstraint("uq_account_id_email", List.of("id", "email"))),
                List.of(new ForeignKey("fk_account_manager", List.of("manager_id"), "account", List.of("id"),
                        ReferentialAction.NO_ACTION)),
                List.of(new CheckConstraint("ck_account_id", "id > 0 and \"id\" < 1000 and note <> 'id'")),
                List.of(new Index("ix_account_id", List.of(new IndexColumn("id", true)), false)),
                null);
        Table login = Table.of("login", List.of(Column.of("account_id", SampleSchema.BIGINT, false)))
                .withForeignKeys(List.of(new ForeignKey("fk_login_account", List.of("account_id"), "account",
                        List.of("id"), ReferentialAction.CASCADE)));
        Schema schema = new Schema(List.of(table, login), List.of());

        Schema renamed = SchemaInterpreter.apply(schema, new RenameColumn("account", "id", "account_no"));

        Table account = renamed.table("account").orElseThrow();
        assertEquals(List.of("account_no", "manager_id", "email"),
                account.columns().stream().map(Column::name).toList());
        assertEquals(List.of("account_no"), account.primaryKey().columns());
        assertEquals(List.of("account_no", "email"), account.uniqueConstraints().getFirst().columns());
        assertEquals(List.of("account_no"), account.foreignKeys().getFirst().referencedColumns());
        assertEquals("account_no > 0 and \"account_no\" < 1000 and note <> 'id'",
                account.checks().getFirst().expression());
        assertEquals(List.of(new IndexColumn("account_no", true)), account.indexes().getFirst().columns());
        assertEquals(List.of("account_no"),
                renamed.table("login").orElseThrow().foreignKeys().getFirst().referencedColumns());
        assertEquals(schema, SchemaInterpreter.apply(renamed, new RenameColumn("account", "account_no", "id")));
    }

    @Test
    void renamingATableRedirectsTheForeignKeysThatReferenceIt() {
        Schema renamed = SchemaInterpreter.apply(BASE, new RenameTable("parent", "guardian"));
        assertEquals("guardian", renamed.table("child").orElseThrow().foreignKeys().getFirst().referencedTable());
        assertTrue(renamed.table("parent").isEmpty());
    }

    @Test
    void droppingAColumnDropsWhatDependsOnIt() {
        Schema withIndex = SchemaInterpreter.apply(BASE, new CreateIndex("child", new Index("ix_child_qty_name",
                List.of(IndexColumn.asc("qty"), IndexColumn.asc("name")), false)));
        Table child = SchemaInterpreter.apply(withIndex, new DropColumn("child", "qty", null))
                .table("child").orElseThrow();
        assertEquals(List.of("ix_child_name"), child.indexes().stream().map(Index::name).toList());
        assertEquals(List.of(), child.checks(), "ck_child_qty mentions qty");

        Table withoutParent = SchemaInterpreter.apply(BASE, new DropColumn("child", "parent_id", null))
                .table("child").orElseThrow();
        assertEquals(List.of(), withoutParent.foreignKeys());
        Table withoutCode = SchemaInterpreter.apply(BASE, new DropColumn("parent", "code", null))
                .table("parent").orElseThrow();
        assertEquals(List.of(), withoutCode.uniqueConstraints());
    }

    @Test
    void operationsThatDoNotFitTheSchemaSayWhy() {
        assertFails("cannot add column child.qty: it already exists",
                new AddColumn("child", Column.of("qty", SampleSchema.INTEGER, true)));
        assertFails("there is no table ghost", new DropTable("ghost", null));
        assertFails("cannot create table child: it already exists", new CreateTable(SampleSchema.CHILD));
        assertFails("cannot drop table parent: foreign key fk_child_parent of table child references it;"
                + " drop the foreign key first", new DropTable("parent", SampleSchema.PARENT));
        assertFails("cannot drop column parent.id: foreign key fk_child_parent of table child references it;"
                + " drop the foreign key first", new DropColumn("parent", "id", null));
        assertFails("table child has no column nope", new RenameColumn("child", "nope", "yes"));
        assertFails("cannot drop index ix_nope of table child: there is no such index",
                new DropIndex("child", "ix_nope", null));
        assertFails("cannot create index ix_child_name on table loose: an index of that name already exists on"
                        + " table child",
                new CreateIndex("loose", new Index("ix_child_name", List.of(IndexColumn.asc("a")), false)));
        assertFails("index ix_loose_z names column z, which table loose does not have",
                new CreateIndex("loose", new Index("ix_loose_z", List.of(IndexColumn.asc("z")), false)));
    }

    private static void assertFails(String message, Operation operation) {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> SchemaInterpreter.apply(BASE, operation));
        assertEquals(message, failure.getMessage());
    }

    @Test
    void aLongRunOfCreationsReplaysToTheSameSchemaAsOneByOne() {
        List<Operation> operations = new java.util.ArrayList<>();
        for (int t = 0; t < 300; t++) {
            String table = "t" + t;
            operations.add(new CreateTable(Table.of(table, List.of(Column.of("id", new dev.autogen.schema.ColumnType.BigInt(),
                    false), Column.of("code", new dev.autogen.schema.ColumnType.Varchar(8), true)))));
            operations.add(new CreateIndex(table, new Index("ix_" + table, List.of(IndexColumn.asc("code")), false)));
            if (t % 50 == 49) {
                operations.add(new DropIndex(table, "ix_" + table, new Index("ix_" + table, List.of(IndexColumn.asc("code")), false)));
                operations.add(new AddColumn(table, Column.of("extra", new dev.autogen.schema.ColumnType.Text(), true)));
            }
        }
        Schema oneByOne = Schema.EMPTY;
        for (Operation operation : operations) {
            oneByOne = SchemaInterpreter.apply(oneByOne, operation);
        }
        assertEquals(oneByOne, SchemaInterpreter.applyAll(Schema.EMPTY, operations));
        assertEquals(300, oneByOne.tables().size());
    }

    @Test
    void aCreationThatDoesNotFitFailsAsOneByOne() {
        Operation table = new CreateTable(Table.of("a", List.of(Column.of("id", new dev.autogen.schema.ColumnType.BigInt(),
                false))));
        Operation index = new CreateIndex("a", new Index("ix_a", List.of(IndexColumn.asc("id")), false));
        Operation missing = new CreateIndex("a", new Index("ix_a_nope", List.of(IndexColumn.asc("nope")), false));

        var twice = assertThrows(IllegalStateException.class,
                () -> SchemaInterpreter.applyAll(Schema.EMPTY, List.of(table, index, index)));
        var direct = assertThrows(IllegalStateException.class, () -> SchemaInterpreter.apply(
                SchemaInterpreter.apply(SchemaInterpreter.apply(Schema.EMPTY, table), index), index));
        assertEquals(direct.getMessage(), twice.getMessage());
        var noColumn = assertThrows(IllegalStateException.class,
                () -> SchemaInterpreter.applyAll(Schema.EMPTY, List.of(table, missing)));
        assertTrue(noColumn.getMessage().contains("nope"), noColumn.getMessage());
        assertThrows(IllegalStateException.class, () -> SchemaInterpreter.applyAll(Schema.EMPTY, List.of(table, table)));
    }
}
