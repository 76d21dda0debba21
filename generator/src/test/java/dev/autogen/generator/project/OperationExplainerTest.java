package dev.autogen.generator.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.generator.jpa.EntityProvenance;
import dev.autogen.op.AddForeignKey;
import dev.autogen.op.CreateSequence;
import dev.autogen.op.DropForeignKey;
import dev.autogen.op.DropIndex;
import dev.autogen.op.ExecuteSql;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Sequence;
import dev.autogen.schema.Table;
import dev.autogen.sql.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Explanations of keys, indexes and sequences, where the catalog side shows the object it holds now. */
class OperationExplainerTest {
    private static final ForeignKey OLD = new ForeignKey("fk_orders_customer_id_customer", List.of("customer_id"),
            "customer", List.of("id"), ReferentialAction.NO_ACTION);
    private static final ForeignKey NEW = new ForeignKey("fk_orders_customer_id_customer", List.of("customer_id"),
            "customer", List.of("id"), ReferentialAction.CASCADE);
    private static final Index INDEX = new Index("ix_orders_placed", List.of(new IndexColumn("placed", true)), false);
    private static final Schema DATABASE = new Schema(List.of(Table.of("orders", List.of(
                    new Column("customer_id", new ColumnType.BigInt(), false, null, false, null)))
            .withForeignKeys(List.of(OLD)).withIndexes(List.of(INDEX))), List.of());

    private final OperationExplainer explainer =
            new OperationExplainer(DATABASE, EntityProvenance.none(), Dialect.POSTGRESQL);

    @Test
    void aChangedOnDeleteShowsBothDefinitions() {
        // without provenance (EntityProvenance.none()) the entity side says only "entities"
        assertEquals("orders.fk_orders_customer_id_customer: entities -> foreign key (customer_id)"
                        + " -> customer(id) on delete cascade; database: foreign key (customer_id) -> customer(id)",
                explainer.explain(new AddForeignKey("orders", NEW)));
        assertEquals("orders.fk_orders_customer_id_customer: no entity declares it;"
                        + " database: foreign key (customer_id) -> customer(id)",
                explainer.explain(new DropForeignKey("orders", OLD.name(), OLD)));
    }

    @Test
    void indexesSequencesAndRawSql() {
        assertEquals("orders.ix_orders_placed: no entity declares it; database: index (placed desc)",
                explainer.explain(new DropIndex("orders", INDEX.name(), INDEX)));
        assertEquals("order_seq: an entity id generator -> start 1 increment 50; database: no sequence",
                explainer.explain(new CreateSequence(new Sequence("order_seq", 1, 50))));
        assertEquals("raw SQL: written by hand, not derived from entities or catalog",
                explainer.explain(new ExecuteSql("select 1", null)));
    }
}
