package dev.autogen.generator.diff;

import static dev.autogen.generator.diff.TableBuilder.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.op.AddForeignKey;
import dev.autogen.op.DropTable;
import dev.autogen.op.Operation;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hibernate's own SQLite DDL keeps names as the entity spells them ({@code Animal.serialNumber}); autogen folds unquoted
 * names to lower case. SQLite compares names case-insensitively, so on SQLite those are the same table and column,
 * which the differ used to drop and create again (every table of a database Hibernate had created).
 */
class SqliteNameCaseTest {

    private static final ColumnType BIGINT = new ColumnType.BigInt();

    @Test
    void onSqliteNamesThatDifferOnlyInCaseAreTheSame() {
        Schema hibernates = new Schema(List.of(
                table("Zoo").col("id", BIGINT).pk("id").build(),
                table("Animal").col("id", BIGINT).nullableCol("serialNumber", new ColumnType.Varchar(255))
                        .nullableCol("zoo_FK", BIGINT).index("ix_animal_serial", "serialNumber").pk("id").build()),
                List.of());
        Table zoo = table("zoo").col("id", BIGINT).pk("id").build();
        Table animal = table("animal").col("id", BIGINT).nullableCol("serialnumber", new ColumnType.Varchar(255))
                .nullableCol("zoo_fk", BIGINT).index("ix_animal_serialnumber", "serialnumber")
                .fk("fk_animal_zoo_fk_zoo", "zoo_fk", "zoo", "id").pk("id").build();
        Schema entities = new Schema(List.of(zoo, animal), List.of());

        // only the foreign key Hibernate's SQLite DDL leaves out, naming the table and columns as the database does
        List<Operation> expected = List.of(new AddForeignKey("Animal", new ForeignKey("fk_animal_zoo_fk_zoo",
                List.of("zoo_FK"), "Zoo", List.of("id"), ReferentialAction.NO_ACTION)));
        assertEquals(expected, new SchemaDiffer(Dialect.SQLITE).diff(hibernates, entities));
        assertEquals(List.of(), new SchemaDiffer(Dialect.SQLITE).diff(hibernates,
                new Schema(List.of(zoo, animal.withForeignKeys(List.of())), List.of())));
        // PostgreSQL keeps the case of a quoted name: "Animal" is another table there
        assertEquals(2, new SchemaDiffer(Dialect.POSTGRESQL).diff(hibernates, entities).stream()
                .filter(DropTable.class::isInstance).count());
    }
}
