package dev.autogen.generator.diff;

import static dev.autogen.generator.diff.TableBuilder.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.catalog.CatalogReader;
import dev.autogen.op.AlterColumn;
import dev.autogen.op.CreateTable;
import dev.autogen.op.Operation;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.Statement;
import dev.autogen.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An {@code @Id Integer id} without a generator (Hibernate's own test models have many) is, on SQLite, the table's
 * sole {@code INTEGER} primary key: an alias of the rowid however it is declared, which the catalog reads as identity.
 * Comparing it with the entity's non-identity column used to plan an {@code AlterColumn} that could never take effect.
 */
class SqliteRowidAliasTest {

    private static final Table ENTITY = table("contact").col("id", new ColumnType.IntegerType())
            .nullableCol("name", new ColumnType.Varchar(40)).pk("id").build();

    @Test
    void aSoleIntegerKeyWithoutIdentityIsCleanAfterItWasCreated() throws Exception {
        String url = TestDatabases.freshSqlite("rowid-alias");
        Schema target = new Schema(List.of(ENTITY), List.of());
        List<Operation> plan = new SchemaDiffer(Dialect.SQLITE).diff(Schema.EMPTY, target);
        assertEquals(List.of(new CreateTable(ENTITY)), plan);
        try (Connection connection = DriverManager.getConnection(url)) {
            for (Statement statement : DdlRenderer.forDialect(Dialect.SQLITE).render(plan.getFirst(), Schema.EMPTY)) {
                connection.createStatement().execute(statement.sql());
            }
            Schema created = CatalogReader.forDialect(Dialect.SQLITE).read(connection, null);
            assertTrue(created.table("contact").orElseThrow().column("id").orElseThrow().identity(),
                    "SQLite made the key an alias of the rowid");
            assertEquals(List.of(), new SchemaDiffer(Dialect.SQLITE).diff(created, target));
        }
    }

    @Test
    void elsewhereIdentityStillDiffers() {
        Column generated = Column.of("id", new ColumnType.IntegerType(), false).withIdentity(true);
        Table current = table("contact").col(generated).nullableCol("name", new ColumnType.Varchar(40)).pk("id").build();
        Schema target = new Schema(List.of(ENTITY), List.of());
        AlterColumn dropIdentity = new AlterColumn("contact", "id", generated, ENTITY.column("id").orElseThrow());
        // PostgreSQL keeps identity and plain columns apart
        assertEquals(List.of(dropIdentity),
                new SchemaDiffer(Dialect.POSTGRESQL).diff(new Schema(List.of(current), List.of()), target));
        // on SQLite a bigint key is no rowid alias
        Table bigCurrent = table("contact").col(generated.withType(new ColumnType.BigInt())).pk("id").build();
        Table bigTarget = table("contact").col("id", new ColumnType.BigInt()).pk("id").build();
        assertEquals(1, new SchemaDiffer(Dialect.SQLITE).diff(new Schema(List.of(bigCurrent), List.of()),
                new Schema(List.of(bigTarget), List.of())).size());
    }
}
