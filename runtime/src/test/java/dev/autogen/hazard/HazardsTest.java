package dev.autogen.hazard;

import static dev.autogen.dsl.Dsl.column;
import static dev.autogen.dsl.Dsl.foreignKey;
import static dev.autogen.dsl.Dsl.integer;
import static dev.autogen.dsl.Dsl.table;
import static dev.autogen.dsl.Dsl.text;
import static dev.autogen.dsl.Dsl.varchar;
import static dev.autogen.hazard.HazardKind.BLOCKS_READS;
import static dev.autogen.hazard.HazardKind.BLOCKS_WRITES;
import static dev.autogen.hazard.HazardKind.BREAKS_RUNNING_APP;
import static dev.autogen.hazard.HazardKind.DATA_LOSS;
import static dev.autogen.hazard.HazardKind.FAILS_ON_EXISTING_ROWS;
import static dev.autogen.hazard.HazardKind.NOT_TRANSACTIONAL;
import static dev.autogen.hazard.HazardKind.SCANS_TABLE;
import static dev.autogen.hazard.HazardKind.TABLE_REWRITE;
import static dev.autogen.hazard.HazardKind.WEAKENS_SECURITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.op.AlterSequence;
import dev.autogen.schema.RowLevelSecurity;
import dev.autogen.schema.Sequence;
import dev.autogen.sql.Dialect;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hazards of each operation on an existing table, per dialect: PostgreSQL's documented lock levels (ACCESS
 * EXCLUSIVE held for a scan or rewrite blocks reads; SHARE and SHARE ROW EXCLUSIVE block writes) and SQLite's table
 * rebuild.
 */
class HazardsTest {
    private static final Dialect PG = Dialect.POSTGRESQL;
    private static final Dialect SQLITE = Dialect.SQLITE;

    static Stream<Arguments> operations() {
        return Stream.of(
                // a nullable column without default: metadata only on both databases
                row(PG, s -> s.addColumn("users", column("phone", varchar(20)).nullable())),
                row(SQLITE, s -> s.addColumn("users", column("phone", varchar(20)).nullable())),
                // NOT NULL without default: existing rows have no value, the deployed code does not set it
                row(PG, s -> s.addColumn("users", column("age", integer())), FAILS_ON_EXISTING_ROWS,
                        BREAKS_RUNNING_APP),
                // a volatile default is computed per row: PostgreSQL rewrites the table under ACCESS EXCLUSIVE
                row(PG, s -> s.addColumn("users", column("token", text()).defaultValue("gen_random_uuid()::text")),
                        TABLE_REWRITE, BLOCKS_READS),
                // SQLite cannot add a column with a non-constant default in place: a rebuild
                row(SQLITE, s -> s.addColumn("users", column("token", text()).defaultValue("(random())")),
                        TABLE_REWRITE, BLOCKS_WRITES),
                row(PG, s -> s.dropColumn("users", "phone"), DATA_LOSS, BREAKS_RUNNING_APP),
                row(SQLITE, s -> s.dropColumn("users", "phone"), DATA_LOSS, BREAKS_RUNNING_APP, TABLE_REWRITE,
                        BLOCKS_WRITES),
                row(PG, s -> s.dropTable("users"), DATA_LOSS, BREAKS_RUNNING_APP),
                row(PG, s -> s.renameColumn("users", "phone", "mobile"), BREAKS_RUNNING_APP),
                row(SQLITE, s -> s.renameTable("users", "people"), BREAKS_RUNNING_APP),
                // narrowing: values may not fit; a varchar that shrinks is also rewritten by PostgreSQL
                row(PG, s -> s.alterColumn("users", column("name", varchar(20)), column("name", varchar(10))),
                        DATA_LOSS, TABLE_REWRITE, BLOCKS_READS),
                // widening a varchar is metadata only on PostgreSQL, a rebuild on SQLite
                row(PG, s -> s.alterColumn("users", column("name", varchar(10)), column("name", varchar(20)))),
                row(SQLITE, s -> s.alterColumn("users", column("name", varchar(10)), column("name", varchar(20))),
                        TABLE_REWRITE, BLOCKS_WRITES),
                // SET NOT NULL scans under ACCESS EXCLUSIVE
                row(PG, s -> s.alterColumn("users", column("name", text()).nullable(), column("name", text())),
                        FAILS_ON_EXISTING_ROWS, SCANS_TABLE, BLOCKS_READS),
                // CREATE INDEX takes SHARE: writes wait while it reads the table
                row(PG, s -> s.createIndex("ix_users_name", "users", "name"), BLOCKS_WRITES, SCANS_TABLE),
                row(SQLITE, s -> s.createUniqueIndex("ux_users_name", "users", "name"), BLOCKS_WRITES, SCANS_TABLE,
                        FAILS_ON_EXISTING_ROWS),
                row(PG, s -> s.dropIndex("ix_users_name", "users")),
                // ADD FOREIGN KEY: SHARE ROW EXCLUSIVE on both tables while every row is checked
                row(PG, s -> s.addForeignKey("orders", foreignKey("fk_orders_user", "user_id").references("users", "id")),
                        BLOCKS_WRITES, SCANS_TABLE, FAILS_ON_EXISTING_ROWS),
                row(SQLITE, s -> s.addForeignKey("orders", foreignKey("fk_orders_user", "user_id").references("users",
                        "id")), TABLE_REWRITE, BLOCKS_WRITES, FAILS_ON_EXISTING_ROWS),
                // unique and check constraints: ACCESS EXCLUSIVE while every row is checked
                row(PG, s -> s.addUniqueConstraint("users", "uq_users_email", "email"), BLOCKS_READS, SCANS_TABLE,
                        FAILS_ON_EXISTING_ROWS),
                row(PG, s -> s.addCheckConstraint("users", "ck_users_age", "age >= 0"), BLOCKS_READS, SCANS_TABLE,
                        FAILS_ON_EXISTING_ROWS),
                row(SQLITE, s -> s.dropCheckConstraint("users", "ck_users_age"), TABLE_REWRITE, BLOCKS_WRITES),
                row(PG, s -> s.dropCheckConstraint("users", "ck_users_age")),
                row(PG, s -> s.setRowLevelSecurity("users", RowLevelSecurity.NONE, RowLevelSecurity.enabled(true)),
                        WEAKENS_SECURITY),
                // SQLite has no row-level security: nothing runs, nothing is weakened
                row(SQLITE, s -> s.setRowLevelSecurity("users", RowLevelSecurity.NONE, RowLevelSecurity.enabled(true))),
                row(PG, s -> s.dropPolicy("users", "tenant_isolation"), WEAKENS_SECURITY),
                row(PG, s -> s.alterEnumType("status", List.of("new", "paid", "sent"), List.of("new", "paid")),
                        NOT_TRANSACTIONAL),
                row(PG, s -> s.execute("create index concurrently ix_a on users (name)"), NOT_TRANSACTIONAL),
                row(PG, s -> s.execute("update users set name = trim(name)")));
    }

    private static Arguments row(Dialect dialect, Consumer<SchemaChanges> change, HazardKind... kinds) {
        SchemaChanges changes = new SchemaChanges();
        change.accept(changes);
        return Arguments.of(dialect, changes.operations().getFirst().toString(), changes, List.of(kinds));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("operations")
    void eachOperationHasTheHazardsOfItsLockAndItsData(Dialect dialect, String operation, SchemaChanges changes,
                                                       List<HazardKind> kinds) {
        assertEquals(kinds, Hazards.of(changes.operations().getFirst(), dialect).stream().map(Hazard::kind).toList());
    }

    @Test
    void aTableCreatedInTheSameRevisionHasNoHazards() {
        SchemaChanges changes = new SchemaChanges()
                .createTable(table("audit").column(column("id", integer())).primaryKey("pk_audit", "id"))
                .createIndex("ix_audit_id", "audit", "id")
                .addColumn("audit", column("at", text()))
                .dropColumn("audit", "at");
        assertEquals(List.of(List.of(), List.of(), List.of(), List.of()), Hazards.of(changes.operations(), PG));
    }

    @Test
    void aBackfillIsNotTransactionalAndScansItsTableOnEveryDialect() {
        var backfill = new SchemaChanges().backfill("users", "full_name = first_name").where("full_name is null")
                .batchSize(500).then().operations().getFirst();
        for (var dialect : dev.autogen.sql.Dialect.values()) {
            assertEquals(List.of(NOT_TRANSACTIONAL, SCANS_TABLE),
                    Hazards.of(backfill, dialect).stream().map(Hazard::kind).toList());
            assertTrue(Hazards.of(backfill, dialect).get(1).why().contains("where full_name is null"));
        }
    }

    @Test
    void eachHazardNamesItsTableAndWhy() {
        List<Hazard> hazards = Hazards.of(new SchemaChanges().dropColumn("users", "phone").operations().getFirst(), PG);
        assertEquals(new Hazard(DATA_LOSS, "users", "drops column users.phone and its values",
                "stop writing it first and drop it in a later revision"), hazards.getFirst());
    }

    /**
     * A smaller sequence increment is safe for the sequence but not for a Hibernate pooled optimizer that still uses
     * the old allocation size: its id blocks would overlap those of instances with the new one. A larger one is safe.
     */
    @Test
    void onlyASmallerSequenceIncrementBreaksTheRunningApplication() {
        Sequence by50 = new Sequence("invoice_seq", 1, 50);
        Sequence by10 = new Sequence("invoice_seq", 1, 10);
        assertEquals(List.of(new Hazard(BREAKS_RUNNING_APP, null, "sequence invoice_seq: increment 50 -> 10;"
                        + " application instances still running with allocationSize 50 hand out ids that overlap the"
                        + " new ones: stop them before the upgrade")),
                Hazards.of(new AlterSequence(by10, by50), PG));
        assertEquals(List.of(), Hazards.of(new AlterSequence(by50, by10), PG));
        assertEquals(List.of(), Hazards.of(new AlterSequence(new Sequence("invoice_seq", 1000, 50), by50), PG));
    }
}
