package dev.autogen.generator.project;

import static dev.autogen.dsl.Dsl.column;
import static dev.autogen.dsl.Dsl.integer;
import static dev.autogen.dsl.Dsl.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migration;
import dev.autogen.op.AddColumn;
import dev.autogen.op.DropForeignKey;
import dev.autogen.op.DropTable;
import dev.autogen.op.Operation;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.Table;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Which tables autogen owns (a migration created them) and what the filter keeps of a plan. */
class UnmanagedTablesTest {

    @Test
    void dropsOfTablesNoMigrationCreatedAreRemovedWithTheirForeignKeysAndHinted() {
        ForeignKey fk = new ForeignKey("fk_a_b", List.of("b_id"), "b", List.of("id"), ReferentialAction.NO_ACTION);
        Table a = Table.of("a", List.of(new Column("b_id", new ColumnType.IntegerType(), true, null, false, null)));
        Table b = Table.of("b", List.of(new Column("id", new ColumnType.IntegerType(), false, null, false, null)));
        Operation add = new AddColumn("c", new Column("x", new ColumnType.IntegerType(), true, null, false, null));
        List<Operation> plan = List.of(new DropForeignKey("a", "fk_a_b", fk), new DropForeignKey("c", "fk_c_a", fk),
                add, new DropTable("a", a), new DropTable("b", b));

        UnmanagedTables.Filtered filtered = new UnmanagedTables(Set.of("b", "c")).filter(plan);

        assertEquals(List.of(new DropForeignKey("c", "fk_c_a", fk), add, new DropTable("b", b)), filtered.plan());
        assertEquals(List.of("unmanaged table a: no entity maps it and no migration created it; left alone"),
                filtered.hints());
    }

    @Test
    void withoutMigrationsEveryDroppedTableIsUnmanaged() {
        Table a = Table.of("a", List.of(new Column("id", new ColumnType.IntegerType(), false, null, false, null)));
        UnmanagedTables.Filtered filtered = UnmanagedTables.of(List.of()).filter(List.of(new DropTable("a", a)));
        assertEquals(List.of(), filtered.plan());
        assertEquals(1, filtered.hints().size());
    }

    @Test
    void theMigrationsAreReplayedInGraphOrder() {
        LoadedMigration first = migration("r1", List.of(), s -> s
                .createTable(table("log").column(column("id", integer())))
                .createTable(table("old_name").column(column("id", integer())))
                .createTable(table("gone").column(column("id", integer()))));
        LoadedMigration second = migration("r2", List.of("r1"), s -> s
                .renameTable("old_name", "new_name")
                .dropTable(table("gone").column(column("id", integer())))
                .execute("create table raw_made (id integer)"));

        UnmanagedTables tables = UnmanagedTables.of(List.of(second, first));

        assertTrue(tables.createdByMigration("log"));
        assertTrue(tables.createdByMigration("new_name"));
        assertFalse(tables.createdByMigration("old_name"));
        assertFalse(tables.createdByMigration("gone"));
        assertFalse(tables.createdByMigration("raw_made"), "ExecuteSql is opaque to the replay");
    }

    @Test
    void aReplayThatFailsFallsBackToEveryTableAnUpgradeCreates() {
        LoadedMigration broken = migration("r1", List.of(), s -> s
                .execute("create table raw_made (id integer)")
                .addColumn("raw_made", column("x", integer()).nullable())
                .createTable(table("made").column(column("id", integer()))));

        UnmanagedTables tables = UnmanagedTables.of(List.of(broken));

        assertTrue(tables.createdByMigration("made"));
        assertFalse(tables.createdByMigration("raw_made"));
    }

    /** The replay costs about half a second at a thousand tables: a plan that drops no table does not pay it. */
    @Test
    void theMigrationsAreReplayedOnlyForAPlanThatDropsATable() {
        int[] replays = {0};
        LoadedMigration counted = migration("r1", List.of(), s -> {
            replays[0]++;
            s.createTable(table("made").column(column("id", integer())));
        });
        UnmanagedTables tables = UnmanagedTables.of(List.of(counted));
        List<Operation> noDrop = List.of(new AddColumn("made", Column.of("x", new ColumnType.IntegerType(), true)));

        assertEquals(noDrop, tables.filter(noDrop).plan());
        assertEquals(0, replays[0]);
        Table other = Table.of("other", List.of(Column.of("id", new ColumnType.IntegerType(), true)));
        assertEquals(List.of(), tables.filter(List.of(new DropTable("other", other))).plan());
        assertTrue(tables.createdByMigration("made"));
        assertEquals(1, replays[0]);
    }

    private static LoadedMigration migration(String id, List<String> parents, Consumer<SchemaChanges> upgrade) {
        Migration migration = new Migration() {
            @Override
            public void upgrade(SchemaChanges schema) {
                upgrade.accept(schema);
            }

            @Override
            public void downgrade(SchemaChanges schema) {
            }
        };
        return new LoadedMigration(id, parents, id, "test." + id, migration, null);
    }
}
