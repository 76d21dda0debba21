package dev.autogen.generator.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.review.ErDiagram.Attribute;
import dev.autogen.generator.review.ErDiagram.Change;
import dev.autogen.generator.review.ErDiagram.Entity;
import dev.autogen.generator.review.ErDiagram.Relation;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the diagrams say: keys, nullability, cardinality, tenant isolation, and what a revision changed. */
class ErDiagramsTest {

    @Test
    void theEntityDiagramShowsKeysNullabilityCardinalityAndTenantIsolation() {
        ErDiagram diagram = ErDiagrams.of(HostileSchema.schema(), Set.of());
        assertEquals(List.of("profiles", "tenants", HostileSchema.ORDERS).stream().sorted().toList(),
                diagram.tables().stream().map(Entity::name).toList());
        Entity orders = entity(diagram, HostileSchema.ORDERS);
        assertTrue(orders.tenantIsolated());
        assertFalse(entity(diagram, "tenants").tenantIsolated());
        Attribute id = orders.columns().get(0);
        assertTrue(id.primaryKey() && !id.nullable());
        Attribute tenant = orders.columns().get(1);
        assertTrue(tenant.foreignKey() && !tenant.nullable());
        assertTrue(orders.columns().get(2).nullable());
        // orders -> tenants: mandatory, many; profiles -> orders: optional, one-to-one (unique order_id)
        assertEquals(List.of(new Relation(HostileSchema.ORDERS, "tenants", List.of("tenant_id"), false, false,
                        Change.NONE), new Relation("profiles", HostileSchema.ORDERS, List.of("order_id"), true, true,
                        Change.NONE)),
                diagram.relations());
    }

    @Test
    void onlyTheChosenTablesAndTheKeysAmongThemAreDrawn() {
        ErDiagram diagram = ErDiagrams.of(HostileSchema.schema(), Set.of("profiles", "tenants"));
        assertEquals(List.of("profiles", "tenants"), diagram.tables().stream().map(Entity::name).toList());
        assertEquals(List.of(), diagram.relations());
    }

    @Test
    void beforeMarksWhatIsDroppedOrChangedAndAfterWhatIsAddedOrChanged() {
        Table tenants = HostileSchema.tenants();
        Schema before = new Schema(List.of(tenants, HostileSchema.orders()), List.of());
        Table widened = tenants.withColumns(List.of(Column.of("id", new ColumnType.BigInt(), false),
                Column.of("name", new ColumnType.Text(), true)));
        Schema after = new Schema(List.of(widened, HostileSchema.profiles()), List.of());

        Set<String> touched = ErDiagrams.touched(before, after);
        assertEquals(Set.of("tenants", HostileSchema.ORDERS, "profiles"), touched);

        ErDiagram was = ErDiagrams.before(before, after, touched);
        assertEquals(Change.DROPPED, entity(was, HostileSchema.ORDERS).change());
        assertEquals(Change.CHANGED, entity(was, "tenants").change());
        assertEquals(Change.NONE, entity(was, "tenants").columns().get(0).change());

        ErDiagram is = ErDiagrams.after(before, after, touched);
        assertEquals(Change.ADDED, entity(is, "profiles").change());
        assertEquals(Change.ADDED, entity(is, "tenants").columns().get(1).change());
        assertTrue(is.tables().stream().noneMatch(t -> t.name().equals(HostileSchema.ORDERS)));
        // the profiles -> orders key points at a table that is gone: not drawn
        assertEquals(List.of(), is.relations());
    }

    private static Entity entity(ErDiagram diagram, String name) {
        return diagram.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
