package dev.autogen.migrate.offline;

import static dev.autogen.dsl.Dsl.column;
import static dev.autogen.dsl.Dsl.integer;
import static dev.autogen.dsl.Dsl.sql;
import static dev.autogen.dsl.Dsl.table;
import static dev.autogen.dsl.Dsl.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migration;
import dev.autogen.migrate.MigrationException;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.migrate.history.MigrationChecksum;
import dev.autogen.sql.Dialect;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The exact text of offline scripts: what a DBA reads before running it. */
class OfflineScriptTest {
    private static final LoadedMigration FIRST = revision("a1", null, "people", schema -> schema.createTable(
            table("people").column(column("id", integer()).identity()).column(column("name", varchar(10)).nullable())
                    .primaryKey("pk_people", "id")), schema -> schema.dropTable("people"));
    private static final LoadedMigration SECOND = revision("b2", "a1", "names required", schema -> schema
            .execute(sql().postgres("update people set name = '?' where name is null -- fill")
                    .sqlite("update people set name = '?' where name is null"))
            .alterColumn("people", column("name", varchar(10)).nullable(), column("name", varchar(10)))
            .run("notify the O'Brien team", connection -> { }),
            schema -> schema.alterColumn("people", column("name", varchar(10)), column("name", varchar(10)).nullable()));
    private static final RevisionGraph GRAPH = new RevisionGraph(List.of(FIRST, SECOND));

    @Test
    void sqliteUpgradeFromARevisionRebuildsFromTheReplayedDefinition() {
        String script = new OfflineScript(Dialect.SQLITE, GRAPH, "dba").upgrade(List.of("a1"), "head");
        assertEquals("""
                -- autogen upgrade a1 -> head for SQLite, generated offline
                -- 1 revision: b2; run with sqlite3 -bail DBFILE < FILE

                create table if not exists "autogen_version" ("revision" varchar(64) not null primary key);
                create table if not exists "autogen_history" ("id" integer primary key, "revision" varchar(64) not null, \
                "direction" varchar(16) not null, "checksum" varchar(64) not null, "applied_at" text not null, \
                "applied_by" varchar(255) not null, "duration_ms" bigint not null, "success" boolean not null);

                -- upgrade b2 (names required): a1 -> b2
                PRAGMA foreign_keys=OFF;
                BEGIN;
                update people set name = '?' where name is null;
                -- hazard FAILS_ON_EXISTING_ROWS: fails if people.name holds NULLs
                -- hazard TABLE_REWRITE: rebuilds people on SQLite (copies every row)
                -- hazard BLOCKS_WRITES: writers to the database wait while people is copied
                %s
                -- NOT RUN: Java callback "notify the O'Brien team" — a script cannot run Java; do its work by hand \
                here, or apply this revision with autogen upgrade
                -- any row listed by the next statement is a foreign key that points nowhere: roll back
                PRAGMA foreign_key_check;
                update "autogen_version" set "revision" = 'b2' where "revision" = 'a1';
                insert into "autogen_history" ("revision", "direction", "checksum", "applied_at", "applied_by", \
                "duration_ms", "success") values ('b2', 'upgrade', '%s', strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now'), \
                'dba', 0, 1);
                COMMIT;
                PRAGMA foreign_keys=ON;
                """.formatted(String.join("\n",
                        "create table \"_autogen_new_people\" (\"id\" integer constraint \"pk_people\" primary key, \"name\" varchar(10) not null);",
                        "insert into \"_autogen_new_people\" (\"id\", \"name\") select \"id\", \"name\" from \"people\";",
                        "drop table \"people\";",
                        "PRAGMA legacy_alter_table=ON;",
                        "alter table \"_autogen_new_people\" rename to \"people\";",
                        "PRAGMA legacy_alter_table=OFF;"),
                MigrationChecksum.of(SECOND)), script);
    }

    @Test
    void sqliteSkipsRowLevelSecurityWithAComment() {
        LoadedMigration secure = revision("c3", null, "secure", schema -> schema
                .createTable(table("people").column(column("id", integer())).primaryKey("pk_people", "id"))
                .enableRowLevelSecurity("people", true)
                .createPolicy("people", dev.autogen.dsl.PolicySpec.policy("p").using("true")),
                schema -> schema.dropTable("people"));
        RevisionGraph graph = new RevisionGraph(List.of(secure));
        String sqlite = new OfflineScript(Dialect.SQLITE, graph, "dba").upgrade(List.of(), "head");
        assertTrue(sqlite.contains("create table \"people\" (\"id\" integer not null,"
                + " constraint \"pk_people\" primary key (\"id\"));\n"
                + "-- skipped: SQLite has no row-level security (SetRowLevelSecurity on people)\n"
                + "-- skipped: SQLite has no row-level security (CreatePolicy on people)\n"), sqlite);
        String postgres = new OfflineScript(Dialect.POSTGRESQL, graph, "dba").upgrade(List.of(), "head");
        assertTrue(postgres.contains("alter table \"people\" enable row level security, force row level security;\n"
                + "create policy \"p\" on \"people\" as permissive for all to public using (true);\n"), postgres);
    }

    @Test
    void postgresDowngradeToBaseRevertsNewestFirstAndDeletesTheLastVersionRow() {
        String script = new OfflineScript(Dialect.POSTGRESQL, GRAPH, "ignored").downgrade(List.of("b2"), "base");
        String body = script.substring(script.indexOf("\n-- downgrade"));
        assertEquals("""

                -- downgrade b2 (names required): b2 -> a1
                BEGIN;
                alter table "people" alter column "name" drop not null;
                update "autogen_version" set "revision" = 'a1' where "revision" = 'b2';
                insert into "autogen_history" ("revision", "direction", "checksum", "applied_at", "applied_by", \
                "duration_ms", "success") values ('b2', 'downgrade', '%s', current_timestamp, current_user, 0, true);
                COMMIT;

                -- downgrade a1 (people): a1 -> base
                BEGIN;
                -- hazard DATA_LOSS: drops table people and every row in it
                -- hazard BREAKS_RUNNING_APP: the application still deployed fails on the missing table people
                drop table "people";
                delete from "autogen_version" where "revision" = 'a1';
                insert into "autogen_history" ("revision", "direction", "checksum", "applied_at", "applied_by", \
                "duration_ms", "success") values ('a1', 'downgrade', '%s', current_timestamp, current_user, 0, true);
                COMMIT;
                """.formatted(MigrationChecksum.of(SECOND), MigrationChecksum.of(FIRST)), body);
    }

    @Test
    void aTrailingLineCommentDoesNotSwallowTheSemicolon() {
        String statements = new OfflineScript(Dialect.POSTGRESQL, GRAPH, "dba").statements("b");
        assertTrue(statements.startsWith("""
                -- b2 (names required): upgrade statements for PostgreSQL
                update people set name = '?' where name is null -- fill
                ;
                -- hazard FAILS_ON_EXISTING_ROWS: fails if people.name holds NULLs
                -- hazard SCANS_TABLE: SET NOT NULL reads every row of people
                -- hazard BLOCKS_READS: holds ACCESS EXCLUSIVE on people while it reads every row
                alter table "people" alter column "name" set not null;
                -- NOT RUN: Java callback"""), statements);
    }

    @Test
    void aRevisionThatCannotBeWrittenForTheDialectNamesItAndTheFix() {
        var postgresOnly = revision("c3", "b2", "pg only", schema -> schema.execute(sql().postgres("vacuum")),
                schema -> { });
        var graph = new RevisionGraph(List.of(FIRST, SECOND, postgresOnly));
        var e = assertThrows(MigrationException.class,
                () -> new OfflineScript(Dialect.SQLITE, graph, "dba").upgrade(List.of(), "head"));
        assertEquals("revision c3 (pg only) cannot be written as SQLite SQL: execute(sql()...) has no SQL for SQLite"
                + " (vacuum): add .sqlite(\"...\"), or .sqlite(\"\") when nothing is needed there", e.getMessage());
    }

    @Test
    void tablesMadeByRawSqlNeedNoReplayOnPostgresAndAreNamedOnSqlite() {
        var raw = revision("r1", null, "raw", schema -> schema.execute("create table legacy (id integer)"),
                schema -> { });
        var typed = revision("r2", "r1", "typed", schema -> schema.addColumn("legacy",
                column("note", varchar(10)).nullable()), schema -> { });
        var graph = new RevisionGraph(List.of(raw, typed));

        String postgres = new OfflineScript(Dialect.POSTGRESQL, graph, "dba").upgrade(List.of(), "head");
        assertTrue(postgres.contains("\nalter table \"legacy\" add column \"note\" character varying(10);\n"),
                postgres);
        var e = assertThrows(MigrationException.class,
                () -> new OfflineScript(Dialect.SQLITE, graph, "dba").upgrade(List.of(), "head"));
        assertTrue(e.getMessage().startsWith("cannot replay revision r2 (typed) offline to get SQLite's table"
                + " definitions: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("model those changes with the DSL, or run autogen upgrade against the"
                + " database"), e.getMessage());
    }

    /** A revision of these changes (also used by {@link MariadbOfflineScriptTest}). */
    static LoadedMigration revision(String id, String parent, String message, Consumer<SchemaChanges> upgrade,
            Consumer<SchemaChanges> downgrade) {
        Migration migration = new Migration() {
            @Override
            public void upgrade(SchemaChanges schema) {
                upgrade.accept(schema);
            }

            @Override
            public void downgrade(SchemaChanges schema) {
                downgrade.accept(schema);
            }
        };
        return new LoadedMigration(id, parent == null ? List.of() : List.of(parent), message, "test.V_" + id,
                migration, null);
    }
}
