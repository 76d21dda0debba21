package dev.autogen.sql.postgres;

import static dev.autogen.dsl.Dsl.column;
import static dev.autogen.dsl.Dsl.foreignKey;
import static dev.autogen.dsl.Dsl.integer;
import static dev.autogen.dsl.Dsl.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.hazard.Hazard;
import dev.autogen.hazard.HazardKind;
import dev.autogen.hazard.Hazards;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.history.MigrationChecksum;
import dev.autogen.op.Operation;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestMigrations;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The online forms as data: the steps each operation becomes, the hazards that the online form removes (and those it
 * keeps), and the mark's place beside the operations, outside the checksum.
 */
class PostgresOnlineDdlTest {
    private static List<String> steps(Operation operation) {
        return PostgresOnlineDdl.steps(operation).orElseThrow().stream()
                .map(s -> (s.transactional() ? "" : "[autocommit] ") + s.sql()).toList();
    }

    private static Operation only(SchemaChanges changes) {
        return changes.operations().getFirst();
    }

    @Test
    void eachFormIsItsStepsInOrder() {
        // foreign key: added NOT VALID, validated apart
        assertEquals(List.of("alter table \"child\" add constraint \"fk\" foreign key (\"pid\") references \"parent\""
                        + " (\"id\") not valid", "alter table \"child\" validate constraint \"fk\""),
                steps(only(new SchemaChanges().addForeignKey("child", foreignKey("fk", "pid").references("parent",
                        "id")))));
        // check: the same
        assertEquals(List.of("alter table \"child\" add constraint \"ck\" check (qty > 0) not valid",
                "alter table \"child\" validate constraint \"ck\""),
                steps(only(new SchemaChanges().addCheckConstraint("child", "ck", "qty > 0"))));
        // SET NOT NULL: through a validated check, which is dropped afterwards
        assertEquals(List.of("alter table \"child\" add constraint \"ck_child_qty_not_null\" check (\"qty\" is not null)"
                        + " not valid", "alter table \"child\" validate constraint \"ck_child_qty_not_null\"",
                "alter table \"child\" alter column \"qty\" set not null",
                "alter table \"child\" drop constraint \"ck_child_qty_not_null\""),
                steps(only(new SchemaChanges().alterColumn("child", column("qty", integer()).nullable(),
                        column("qty", integer())))));
        // unique: a concurrent unique index, then the constraint on it
        assertEquals(List.of("[autocommit] create unique index concurrently \"uq\" on \"parent\" (\"code\")",
                "alter table \"parent\" add constraint \"uq\" unique using index \"uq\""),
                steps(only(new SchemaChanges().addUniqueConstraint("parent", "uq", "code"))));
        // index: built concurrently
        assertEquals(List.of("[autocommit] create index concurrently \"ix\" on \"parent\" (\"code\")"),
                steps(only(new SchemaChanges().createIndex("ix", "parent", "code"))));
        // no online form: a column added, NOT NULL dropped
        assertEquals(false, PostgresOnlineDdl.supports(only(new SchemaChanges().addColumn("t",
                column("c", text()).nullable()))));
        assertEquals(false, PostgresOnlineDdl.supports(only(new SchemaChanges().alterColumn("t",
                column("c", text()), column("c", text()).nullable()))));
    }

    @Test
    void theOnlineFormKeepsScansButNotTheBlockingLock() {
        List<Operation> plan = new SchemaChanges()
                .addForeignKey("child", foreignKey("fk", "pid").references("parent", "id"))
                .alterColumn("child", column("qty", integer()).nullable(), column("qty", integer()))
                .createIndex("ix", "parent", "code").operations();

        List<List<Hazard>> plain = Hazards.of(plan, Dialect.POSTGRESQL);
        List<List<Hazard>> online = Hazards.of(plan, Dialect.POSTGRESQL, Set.of(0, 1, 2));
        List<List<Hazard>> sqlite = Hazards.of(plan, Dialect.SQLITE, Set.of(0, 1, 2));

        assertEquals(List.of("BLOCKS_WRITES", "SCANS_TABLE", "FAILS_ON_EXISTING_ROWS"), kinds(plain.get(0)));
        assertEquals(List.of("SCANS_TABLE", "FAILS_ON_EXISTING_ROWS"), kinds(online.get(0)));
        assertEquals(List.of("FAILS_ON_EXISTING_ROWS", "SCANS_TABLE"), kinds(online.get(1)));
        assertEquals(List.of("SCANS_TABLE"), kinds(online.get(2)));
        assertEquals(Hazards.of(plan, Dialect.SQLITE), sqlite); // no online form on SQLite
    }

    @Test
    void aTypeRewriteStillBlocksWhenNotNullGoesOnline() {
        List<Operation> plan = new SchemaChanges().alterColumn("child", column("qty", integer()).nullable(),
                column("qty", text())).operations();

        List<HazardKind> kinds = Hazards.of(plan, Dialect.POSTGRESQL, Set.of(0)).getFirst().stream()
                .map(Hazard::kind).toList();

        assertEquals(1, kinds.stream().filter(k -> k == HazardKind.BLOCKS_READS).count(), kinds.toString());
        assertEquals(true, kinds.contains(HazardKind.TABLE_REWRITE), kinds.toString());
    }

    @Test
    void theMarkFollowsItsOperationAndStaysOutOfTheChecksum() {
        SchemaChanges changes = new SchemaChanges().createIndex("ix", "parent", "code").online()
                .addCheckConstraint("child", "ck", "qty > 0");
        assertEquals(Set.of(0), changes.onlineOperations());
        assertThrows(IllegalStateException.class, () -> new SchemaChanges().online());

        String plain = MigrationChecksum.of(migration(s -> s.createIndex("ix", "parent", "code")));
        String marked = MigrationChecksum.of(migration(s -> s.createIndex("ix", "parent", "code").online()));
        assertEquals(plain, marked);
    }

    private static List<String> kinds(List<Hazard> hazards) {
        return hazards.stream().map(h -> h.kind().name()).toList();
    }

    private static LoadedMigration migration(Consumer<SchemaChanges> upgrade) {
        return TestMigrations.upgrading("aaa111", List.of(), "m", "m.V0001_M", upgrade);
    }
}
