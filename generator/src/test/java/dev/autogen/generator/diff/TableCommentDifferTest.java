package dev.autogen.generator.diff;

import static dev.autogen.generator.diff.TableBuilder.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.op.Operation;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.Dialect;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table comments in the differ, as data (see {@link SchemaDifferCasesTest}): compared on PostgreSQL only and only when
 * the target states one; each plan is checked exactly, applies cleanly, re-diffs empty, and its reverse brings back the
 * current schema.
 */
class TableCommentDifferTest {
    private static final Dialect PG = Dialect.POSTGRESQL;

    record Case(String name, Dialect dialect, Schema current, Schema target, List<String> expected) {
        @Override
        public String toString() {
            return name + " [" + dialect.displayName() + "]";
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a comment added", PG, schema(customer(null)), schema(customer("people who buy")),
                        List.of("SetComment customer 'people who buy'")),
                new Case("a comment changed", PG, schema(customer("old")), schema(customer("it's new")),
                        List.of("SetComment customer 'it''s new'")),
                new Case("the same comment is no difference", PG, schema(customer("same")), schema(customer("same")),
                        List.of()),
                new Case("an entity without a comment keeps the database's", PG, schema(customer("by hand")),
                        schema(customer(null)), List.of()),
                new Case("SQLite keeps no comments", Dialect.SQLITE, schema(customer(null)),
                        schema(customer("people who buy")), List.of()),
                new Case("a new table carries its comment in CreateTable", PG, schema(),
                        schema(customer("people who buy")),
                        List.of("CreateTable customer (id bigint not null, pk(id), comment 'people who buy')")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactly(Case c) {
        SchemaDiffer differ = new SchemaDiffer(c.dialect());
        List<Operation> plan = differ.diff(c.current(), c.target());
        assertEquals(c.expected(), plan.stream().map(OperationText::line).toList());
        Schema upgraded = SchemaApplier.apply(c.current(), plan, c.dialect());
        assertEquals(List.of(), differ.diff(upgraded, c.target()), "re-diff after the plan");
        Schema downgraded = SchemaApplier.apply(upgraded, SchemaApplier.reverse(plan), c.dialect());
        assertEquals(c.current(), downgraded, "the reverse restores the current schema");
    }

    private static Schema schema(Table... tables) {
        return new Schema(List.of(tables), List.of());
    }

    private static Table customer(String comment) {
        return table("customer").col("id", new ColumnType.BigInt()).pk("id").build().withComment(comment);
    }
}
