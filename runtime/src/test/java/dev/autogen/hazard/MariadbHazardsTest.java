package dev.autogen.hazard;

import static dev.autogen.dsl.Dsl.column;
import static dev.autogen.dsl.Dsl.foreignKey;
import static dev.autogen.dsl.Dsl.integer;
import static dev.autogen.dsl.Dsl.table;
import static dev.autogen.dsl.Dsl.text;
import static dev.autogen.dsl.Dsl.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migration;
import dev.autogen.sql.Dialect;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hazards of each operation on an existing MariaDB table, as printed: InnoDB's online DDL (instant, in place while
 * writes go on, or a copy while writes wait) and the informational note that every statement commits on its own.
 */
class MariadbHazardsTest {
    private static final String COMMITS = "NOT_TRANSACTIONAL (informational): MariaDB commits this statement on its own:"
            + " a failure later in the revision leaves it applied (the statement journal lets upgrade resume and"
            + " downgrade revert)";

    static Stream<Arguments> operations() {
        return Stream.of(
                // ADD COLUMN at the end is INSTANT: no copy, no wait
                row(s -> s.addColumn("users", column("phone", varchar(20)).nullable()), COMMITS),
                // NOT NULL without default: MariaDB fills the existing rows with the implicit default, it does not fail
                row(s -> s.addColumn("users", column("age", integer())), "BREAKS_RUNNING_APP: inserts of the"
                        + " application still deployed fail: they do not set NOT NULL column users.age, whose existing"
                        + " rows get the type's implicit default (0, '' or the zero date)", COMMITS),
                // DROP COLUMN is INSTANT on 10.11: the data is lost, not copied (no SQLite rebuild)
                row(s -> s.dropColumn("users", "phone"), "DATA_LOSS: drops column users.phone and its values",
                        "BREAKS_RUNNING_APP: the application still deployed fails on the missing column users.phone",
                        COMMITS),
                // a new type: ALGORITHM=COPY, writes wait
                row(s -> s.alterColumn("users", column("age", integer()), column("age", text())),
                        "TABLE_REWRITE: copies every row of users into a new table (ALGORITHM=COPY)",
                        "BLOCKS_WRITES: writes to users wait while it is copied (LOCK=SHARED)", COMMITS),
                // NULL to NOT NULL: rebuilt in place while writes go on
                row(s -> s.alterColumn("users", column("name", text()).nullable(), column("name", text())),
                        "FAILS_ON_EXISTING_ROWS: fails if users.name holds NULLs", "TABLE_REWRITE: rebuilds users in"
                                + " place, every row rewritten (ALGORITHM=INPLACE: reads and writes go on)", COMMITS),
                // a longer varchar whose length prefix keeps its size in any character set: metadata only
                row(s -> s.alterColumn("users", column("name", varchar(20)), column("name", varchar(60))), COMMITS),
                // one that may cross 255 bytes (utf8mb4: 80 to 400) is a copy
                row(s -> s.alterColumn("users", column("name", varchar(20)), column("name", varchar(100))),
                        "TABLE_REWRITE: copies every row of users into a new table (ALGORITHM=COPY)",
                        "BLOCKS_WRITES: writes to users wait while it is copied (LOCK=SHARED)", COMMITS),
                // dropping NOT NULL rebuilds the table too (MariaDB refuses it instantly)
                row(s -> s.alterColumn("users", column("name", text()), column("name", text()).nullable()),
                        "TABLE_REWRITE: rebuilds users in place, every row rewritten (ALGORITHM=INPLACE: reads and"
                                + " writes go on)", COMMITS),
                // CREATE INDEX is INPLACE with LOCK=NONE: a scan, writes go on
                row(s -> s.createIndex("ix_users_name", "users", "name"), "SCANS_TABLE: reads every row of users to"
                        + " build the index (ALGORITHM=INPLACE: reads and writes go on)", COMMITS),
                row(s -> s.dropIndex("ix_users_name", "users"), COMMITS),
                // ADD FOREIGN KEY with foreign_key_checks on copies the table
                row(s -> s.addForeignKey("orders", foreignKey("fk_orders_user", "user_id").references("users", "id")),
                        "FAILS_ON_EXISTING_ROWS: fails if rows of orders point at missing users rows",
                        "TABLE_REWRITE: copies every row of orders into a new table (ALGORITHM=COPY)",
                        "BLOCKS_WRITES: writes to orders wait while it is copied (LOCK=SHARED)", COMMITS),
                row(s -> s.dropForeignKey("orders", "fk_orders_user"), COMMITS),
                row(s -> s.addUniqueConstraint("users", "uq_users_email", "email"),
                        "FAILS_ON_EXISTING_ROWS: fails if users holds duplicates for the unique constraint [email]",
                        "SCANS_TABLE: reads every row of users to build the index (ALGORITHM=INPLACE: reads and"
                                + " writes go on)", COMMITS),
                row(s -> s.dropCheckConstraint("users", "ck_users_age"), COMMITS),
                // raw SQL may hold DDL, which commits on its own
                row(s -> s.execute("update users set name = trim(name)"), COMMITS));
    }

    private static Arguments row(Consumer<SchemaChanges> change, String... lines) {
        SchemaChanges changes = new SchemaChanges();
        change.accept(changes);
        return Arguments.of(changes.operations().getFirst().toString(), changes, List.of(lines));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void eachOperationHasTheHazardsOfHowInnodbRunsIt(String operation, SchemaChanges changes, List<String> lines) {
        assertEquals(lines, Hazards.of(changes.operations().getFirst(), Dialect.MARIADB).stream().map(Hazard::line)
                .toList());
    }

    @Test
    void aTableCreatedInTheSameRevisionHasNoHazardsOnMariadbEither() {
        SchemaChanges changes = new SchemaChanges()
                .createTable(table("audit").column(column("id", integer())).primaryKey("pk_audit", "id"))
                .createIndex("ix_audit_id", "audit", "id")
                .addColumn("audit", column("at", text()));
        assertEquals(List.of(List.of(), List.of(), List.of()), Hazards.of(changes.operations(), Dialect.MARIADB));
    }

    /** The informational hazard is printed, but lint passes a MariaDB revision that has nothing else. */
    @Test
    void lintPassesARevisionWhoseOnlyHazardIsThatMariadbCommitsEachStatement() {
        LoadedMigration addPhone = new LoadedMigration("a1", List.of(), "add phone", "m.V0002_AddPhone",
                new Migration() {
                    @Override
                    public void upgrade(SchemaChanges schema) {
                        schema.addColumn("users", column("phone", varchar(20)).nullable());
                    }

                    @Override
                    public void downgrade(SchemaChanges schema) {
                        schema.dropColumn("users", "phone");
                    }
                }, null);
        assertEquals(List.of(), MigrationLint.of(List.of(addPhone), Dialect.MARIADB, Set.of()));
        LoadedMigration dropPhone = new LoadedMigration("a2", List.of("a1"), "drop phone", "m.V0003_DropPhone",
                new Migration() {
                    @Override
                    public void upgrade(SchemaChanges schema) {
                        schema.dropColumn("users", "phone");
                    }

                    @Override
                    public void downgrade(SchemaChanges schema) {
                        schema.addColumn("users", column("phone", varchar(20)).nullable());
                    }
                }, null);
        assertEquals(List.of(HazardKind.DATA_LOSS, HazardKind.BREAKS_RUNNING_APP), MigrationLint.of(List.of(dropPhone),
                Dialect.MARIADB, Set.of()).stream().map(f -> f.hazard().kind()).toList());
    }
}
