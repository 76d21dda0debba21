package dev.autogen.generator.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.generator.diff.SchemaDiffer;
import dev.autogen.migrate.ConnectionFactory;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.SchemaInterpreter;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import dev.autogen.generator.scenarios.PlannedMigration;
import dev.autogen.testing.TestMariadb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.autogen.dsl.Dsl.column;
import static dev.autogen.dsl.Dsl.integer;
import static dev.autogen.dsl.Dsl.table;
import static dev.autogen.dsl.Dsl.text;
import static dev.autogen.dsl.Dsl.varchar;

/**
 * MariaDB indexes over a prefix of a column ({@code title(40)}: the only way to index a {@code text} column there),
 * with their direction: written in the DSL, created on a real server, read back from
 * {@code information_schema.statistics.sub_part} as the same key parts, so the schema the migration builds and the
 * catalog re-diff empty; a unique one stays a unique index (a unique constraint has no prefix).
 */
class MariadbIndexPrefixTest {
    @Test
    void prefixIndexesRoundTripThroughTheServer() throws SQLException {
        SchemaChanges changes = new SchemaChanges()
                .createTable(table("posts").column(column("id", integer())).column(column("title", text()))
                        .column(column("slug", varchar(200))).primaryKey("pk_posts", "id"))
                .createIndex("ix_posts_title", "posts", "title(40)", "id desc")
                .createUniqueIndex("ux_posts_slug", "posts", "slug(50)");
        Schema migrated = SchemaInterpreter.applyAll(Schema.EMPTY, changes.operations());
        String url = TestMariadb.fresh("index_prefix");
        new Migrator(ConnectionFactory.of(url, null, null), Dialect.MARIADB,
                List.of(PlannedMigration.revision(1, changes.operations()))).upgrade("head");

        Schema catalog;
        try (Connection c = DriverManager.getConnection(url)) {
            catalog = new MariadbCatalogReader().read(c, null);
        }

        assertEquals(List.of(new Index("ix_posts_title", List.of(new IndexColumn("title", false, 40),
                        new IndexColumn("id", true)), false), new Index("ux_posts_slug",
                        List.of(new IndexColumn("slug", false, 50)), true)),
                catalog.table("posts").orElseThrow().indexes());
        assertEquals(List.of(), new SchemaDiffer(Dialect.MARIADB, SqlExpressions::canonical).diff(catalog, migrated));
        assertEquals("title(40) desc", new IndexColumn("title", true, 40).spec());
        assertEquals(new IndexColumn("title", true, 40), IndexColumn.parse("title(40) desc"));
        // migrations applied before prefixes existed keep their checksums: the text of a whole-column part is unchanged
        assertEquals("IndexColumn[name=id, descending=true]", new IndexColumn("id", true).toString());
    }
}
