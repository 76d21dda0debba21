package dev.autogen.generator.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteCatalogReaderTest {

    @Test
    void readsTheSqliteCatalogThroughTheRuntimeReader() throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabases.freshSqlite("catalog"))) {
            try (Statement st = c.createStatement()) {
                st.execute("create table product (id bigint not null, kind varchar(31) not null"
                        + " check ((kind in ('PHYSICAL','DIGITAL'))), primary key (id))");
                st.execute("create table HT_product (id bigint)");
                st.execute("create table autogen_history (id integer primary key)");
            }
            Schema schema = CatalogReader.forDialect(Dialect.SQLITE).read(c, null);
            Table product = Table.of("product", List.of(Column.of("id", new ColumnType.BigInt(), false),
                            Column.of("kind", new ColumnType.Varchar(31), false)))
                    .withPrimaryKey(new PrimaryKey(null, List.of("id")))
                    .withChecks(List.of(new CheckConstraint("ck_product_kind", "kind in ('PHYSICAL','DIGITAL')")));
            assertEquals(new Schema(List.of(product), List.of()), schema);
            assertEquals(SqlExpressions.canonical("kind in ('PHYSICAL','DIGITAL')"),
                    SqlExpressions.canonical(product.checks().get(0).expression()));
        }
    }
}
