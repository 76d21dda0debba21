package dev.autogen.sql.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.SchemaInterpreter;
import dev.autogen.op.AddCheckConstraint;
import dev.autogen.op.AddColumn;
import dev.autogen.op.AddForeignKey;
import dev.autogen.op.AddPrimaryKey;
import dev.autogen.op.AlterColumn;
import dev.autogen.op.CreateTable;
import dev.autogen.op.DropColumn;
import dev.autogen.op.DropPrimaryKey;
import dev.autogen.op.Operation;
import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.SampleSchema;
import dev.autogen.sql.Statement;
import dev.autogen.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A SQLite table rebuild keeps every row and value, and what it builds behaves (foreign keys cascade). */
class SqliteTableRebuildTest {
    private static final SqliteDdlRenderer RENDERER = new SqliteDdlRenderer();
    private static final int CHILDREN = 300;

    private Schema schema = SampleSchema.BASE;

    @Test
    void rowsSurviveEveryRebuildAndAnAddedForeignKeyCascades() throws SQLException {
        try (Connection connection = withRows()) {
            List<List<Object>> children = rows(connection, "select * from \"child\" order by \"id\"");
            List<List<Object>> parents = rows(connection, "select * from \"parent\" order by \"id\"");
            assertEquals(CHILDREN, children.size());

            Column qty = SampleSchema.CHILD.column("qty").orElseThrow();
            apply(connection, new AlterColumn("child", "qty", qty, qty.withNullable(false).withDefaultValue("0")));
            assertEquals(children, rows(connection, "select * from \"child\" order by \"id\""));
            assertEquals("1", rows(connection,
                    "select \"notnull\" from pragma_table_xinfo('child') where name = 'qty'").getFirst().getFirst().toString());

            apply(connection, new AddForeignKey("child", new ForeignKey("fk_child_owner", List.of("owner_id"),
                    "parent", List.of("id"), ReferentialAction.CASCADE)));
            assertEquals(children, rows(connection, "select * from \"child\" order by \"id\""));

            // rebuilding the referenced table keeps the references from child valid
            apply(connection, new AddCheckConstraint("parent", new CheckConstraint("ck_parent_code", "length(code) > 0")));
            assertEquals(parents, rows(connection, "select * from \"parent\" order by \"id\""));
            assertEquals(List.of(List.of("owner_id", "parent", "CASCADE"), List.of("parent_id", "parent", "SET NULL")),
                    rows(connection, "select \"from\", \"table\", on_delete from pragma_foreign_key_list('child')"
                            + " order by \"from\""));

            apply(connection, new DropColumn("child", "note", SampleSchema.CHILD.column("note").orElseThrow()));
            List<List<Object>> withoutNote = children.stream().map(row -> row.subList(0, 5)).toList();
            assertEquals(withoutNote, rows(connection, "select * from \"child\" order by \"id\""));

            try (var statement = connection.createStatement()) {
                statement.execute("pragma foreign_keys = on");
                statement.execute("delete from \"parent\" where \"id\" = 1");
            }
            assertEquals(List.of(List.of(9)), rows(connection, "select count(*) from \"parent\""));
            assertEquals(List.of(List.of(CHILDREN - CHILDREN / 10, 0)), rows(connection,
                    "select count(*), sum(\"owner_id\" = 1) from \"child\""));
        }
    }

    @Test
    void droppingAndRestoringTheRowidKeyKeepsIdsAndKeyGeneration() throws SQLException {
        try (Connection connection = withRows()) {
            List<List<Object>> children = rows(connection, "select * from \"child\" order by \"id\"");
            apply(connection, new DropPrimaryKey("child", SampleSchema.CHILD.primaryKey()));
            apply(connection, new AddPrimaryKey("child", SampleSchema.CHILD.primaryKey()));
            assertEquals(children, rows(connection, "select * from \"child\" order by \"id\""));
            try (var statement = connection.createStatement()) {
                statement.execute("insert into \"child\" (\"name\") values ('new')");
            }
            assertEquals(List.of(List.of(CHILDREN + 1)),
                    rows(connection, "select \"id\" from \"child\" where \"name\" = 'new'"));
        }
    }

    @Test
    void aSelfReferencingTableStillReferencesItselfAfterARebuild() throws SQLException {
        Table node = new Table("node",
                List.of(SampleSchema.identity("id"), Column.of("up", SampleSchema.BIGINT, true),
                        Column.of("label", SampleSchema.TEXT, true)),
                new PrimaryKey("pk_node", List.of("id")), List.of(),
                List.of(new ForeignKey("fk_node_up", List.of("up"), "node", List.of("id"), ReferentialAction.CASCADE)),
                List.of(), List.of(), null);
        schema = new Schema(List.of(node), List.of());
        try (Connection connection = DriverManager.getConnection(TestDatabases.freshSqlite("self"))) {
            SqliteOperationsTest.run(connection, RENDERER.render(new CreateTable(node), Schema.EMPTY));
            try (var statement = connection.createStatement()) {
                statement.execute("insert into \"node\" (\"id\", \"up\", \"label\") values (1, null, 'root'),"
                        + " (2, 1, 'a'), (3, 2, 'b')");
            }
            Column label = node.column("label").orElseThrow();
            apply(connection, new AlterColumn("node", "label", label, label.withNullable(false)));
            assertEquals(List.of(List.of("up", "node", "id", "CASCADE")), rows(connection,
                    "select \"from\", \"table\", \"to\", on_delete from pragma_foreign_key_list('node')"));
            try (var statement = connection.createStatement()) {
                statement.execute("pragma foreign_keys = on");
                statement.execute("delete from \"node\" where \"id\" = 1");
            }
            assertEquals(List.of(List.of(0)), rows(connection, "select count(*) from \"node\""));
        }
    }

    @Test
    void aNotNullColumnWithoutDefaultCannotBeAddedToRowsAndNothingChanges() throws SQLException {
        try (Connection connection = withRows()) {
            List<List<Object>> parents = rows(connection, "select * from \"parent\" order by \"id\"");
            Operation add = new AddColumn("parent", Column.of("rank", SampleSchema.INTEGER, false));
            SQLException failure = assertThrows(SQLException.class,
                    () -> SqliteOperationsTest.run(connection, RENDERER.render(add, schema)));
            assertTrue(failure.getMessage().contains("NOT NULL constraint failed"), failure.getMessage());
            assertEquals(parents, rows(connection, "select * from \"parent\" order by \"id\""));
            assertEquals(List.of(), rows(connection, "select name from sqlite_schema where name like '_autogen_new_%'"));
        }
    }

    @Test
    void theRebuiltTableIsFoundInTheStatementsWhateverItsName() {
        Table weird = new Table("we\"ird", List.of(Column.of("id", SampleSchema.INTEGER, false),
                Column.of("note", SampleSchema.varchar(10), true)), null, List.of(), List.of(), List.of(), List.of(),
                null);
        Schema before = SampleSchema.BASE.withTable(weird);
        List<Statement> rebuild = RENDERER.render(new DropColumn("we\"ird", "note", null), before);

        assertEquals(Optional.of("we\"ird"), SqliteTableRebuild.rebuiltTable(rebuild));
        assertEquals(Optional.empty(), SqliteTableRebuild.rebuiltTable(
                RENDERER.render(new CreateTable(weird.withName("other")), before)));
    }

    @Test
    void aRebuildNeedsTheTableInTheSchemaBefore() {
        Operation drop = new DropColumn("ghost", "x", null);
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> RENDERER.render(drop, SampleSchema.BASE));
        assertTrue(failure.getMessage().contains("has no table ghost"), failure.getMessage());
    }

    private Connection withRows() throws SQLException {
        Connection connection = DriverManager.getConnection(TestDatabases.freshSqlite("rebuild"));
        for (Operation operation : SampleSchema.creation(schema)) {
            SqliteOperationsTest.run(connection, RENDERER.render(operation, Schema.EMPTY));
        }
        connection.setAutoCommit(false);
        try (PreparedStatement parent = connection.prepareStatement("insert into \"parent\" (\"code\") values (?)");
             PreparedStatement child = connection.prepareStatement("insert into \"child\""
                     + " (\"parent_id\", \"owner_id\", \"name\", \"qty\", \"note\") values (?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= 10; i++) {
                parent.setString(1, "p" + i);
                parent.executeUpdate();
            }
            for (int i = 0; i < CHILDREN; i++) {
                child.setInt(1, i % 10 + 1);
                child.setInt(2, i % 10 + 1);
                child.setString(3, "name " + i + " it's");
                child.setInt(4, i);
                child.setString(5, i % 3 == 0 ? null : "note " + i);
                child.executeUpdate();
            }
        }
        connection.commit();
        connection.setAutoCommit(true);
        return connection;
    }

    private void apply(Connection connection, Operation operation) throws SQLException {
        var statements = RENDERER.render(operation, schema);
        assertFalse(statements.isEmpty());
        assertTrue(statements.getFirst().sql().startsWith("create table \"_autogen_new_"), statements.getFirst().sql());
        SqliteOperationsTest.run(connection, statements);
        schema = SchemaInterpreter.apply(schema, operation);
    }

    private static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= width; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
