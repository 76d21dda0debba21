package dev.autogen.generator.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fingerprint {@code check}'s in-sync record trusts: every kind of change a catalog reader sees gives a new one
 * (each step below differs from every earlier state), while rows of the user's tables and statistics do not.
 */
class CatalogFingerprintTest {

    @Test
    void everyCatalogChangeOnPostgresqlGivesANewFingerprint() throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabases.freshPostgres("fingerprint"))) {
            assertEachChanges(c, Dialect.POSTGRESQL, List.of(
                    "create table item (id bigint primary key, name varchar(40) not null)",
                    "alter table item add column price numeric(10, 2)",
                    "alter table item alter column name type varchar(50)",
                    "alter table item alter column name drop not null",
                    "alter table item alter column name set not null",
                    "alter table item alter column name type varchar(50) collate \"C\"",
                    "alter table item alter column name set statistics 500",
                    "alter table item alter column price set default 0",
                    "alter table item alter column price set default 1",
                    "alter table item add constraint ck_price check (price >= 0)",
                    "create table tag (id bigint primary key, item_id bigint)",
                    "alter table tag add constraint fk_tag foreign key (item_id) references item (id)",
                    "alter table tag add constraint fk_tag2 foreign key (item_id) references item (id) on delete cascade",
                    "alter table tag add constraint ck_tag check (id > 0) not valid",
                    "alter table tag validate constraint ck_tag",
                    "alter table tag rename constraint ck_tag to ck_tag_id",
                    "alter table tag alter column id add generated always as identity",
                    "create unique index ix_item_name on item (name)",
                    "create index ix_item_lower on item (lower(name)) where price > 0",
                    "create sequence item_seq increment by 50",
                    "alter sequence item_seq increment by 10",
                    "create type mood as enum ('ok')",
                    "alter type mood add value 'sad'",
                    "comment on table item is 'items'",
                    "comment on column item.name is 'the name'",
                    "alter table item enable row level security",
                    "create policy own on item using (price > 0)",
                    "alter policy own on item using (price > 1)",
                    "create schema archive",
                    "create table archive.old (id int)",
                    "create table autogen_version (revision varchar(64) primary key)",
                    "insert into autogen_version values ('aaaa')",
                    "update autogen_version set revision = 'bbbb'",
                    "alter table item rename column price to cost",
                    "alter table item add column gone integer",
                    "alter table item drop column gone",
                    "alter table item rename to article"),
                    List.of("insert into article (id, name) values (1, 'x')", "analyze", "vacuum article",
                            "vacuum full article", "vacuum (freeze) pg_catalog.pg_attribute",
                            "vacuum (freeze) pg_catalog.pg_constraint",
                            "begin; alter table article add column rolled_back integer;"
                                    + " alter table article alter column name drop not null; rollback"));
        }
    }

    @Test
    void everyCatalogChangeOnSqliteGivesANewFingerprint() throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabases.freshSqlite("fingerprint"))) {
            assertEachChanges(c, Dialect.SQLITE, List.of(
                    "create table item (id integer primary key, name varchar(40) not null)",
                    "alter table item add column price numeric(10, 2)",
                    "create unique index ix_item_name on item (name)",
                    "create table autogen_version (revision varchar(64) not null primary key)",
                    "create table autogen_history (id integer primary key, revision varchar(64) not null)",
                    "insert into autogen_version values ('aaaa')",
                    "update autogen_version set revision = 'bbbb'",
                    "insert into autogen_history (revision) values ('bbbb')",
                    "alter table item rename column price to cost"),
                    List.of("insert into item (id, name) values (1, 'x')", "analyze"));
        }
    }

    private static void assertEachChanges(Connection c, Dialect dialect, List<String> changes, List<String> neutral)
            throws SQLException {
        Set<String> seen = new HashSet<>();
        String before = CatalogFingerprint.of(c, dialect);
        seen.add(before);
        assertEquals(before, CatalogFingerprint.of(c, dialect), "the same database gives the same fingerprint");
        try (Statement statement = c.createStatement()) {
            for (String change : changes) {
                statement.execute(change);
                String after = CatalogFingerprint.of(c, dialect);
                assertFalse(seen.contains(after), "unchanged by: " + change);
                seen.add(after);
            }
            String last = CatalogFingerprint.of(c, dialect);
            for (String statementText : neutral) {
                statement.execute(statementText);
                assertEquals(last, CatalogFingerprint.of(c, dialect), "changed by: " + statementText);
            }
        }
    }
}
