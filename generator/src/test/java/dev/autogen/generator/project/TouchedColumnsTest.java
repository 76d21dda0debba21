package dev.autogen.generator.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.op.AddColumn;
import dev.autogen.op.AlterColumn;
import dev.autogen.op.CreateIndex;
import dev.autogen.op.CreateTable;
import dev.autogen.op.DropColumn;
import dev.autogen.op.DropTable;
import dev.autogen.op.ExecuteSql;
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.Table;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** When two branches' changes may be put one after the other ({@code autogen rebase}) and when their order matters. */
class TouchedColumnsTest {
    private static final Column EMAIL = Column.of("email", new ColumnType.Varchar(100), true);
    private static final Column PHONE = Column.of("phone", new ColumnType.Varchar(20), true);

    static Stream<Arguments> pairs() {
        return Stream.of(
                // each branch adds its own column to the same table: independent
                Arguments.of(new AddColumn("customer", EMAIL), new AddColumn("customer", PHONE), false),
                // the same column added twice (different lengths): order matters
                Arguments.of(new AddColumn("customer", EMAIL), new AddColumn("customer", EMAIL), true),
                // one alters the column the other renames away
                Arguments.of(new AlterColumn("customer", "email", EMAIL, PHONE),
                        new RenameColumn("customer", "email", "mail"), true),
                // an index on the column the other branch drops
                Arguments.of(new CreateIndex("customer", new Index("ix_customer_email",
                        List.of(new IndexColumn("email", false)), false)), new DropColumn("customer", "email", EMAIL),
                        true),
                // a dropped table overlaps any change to it
                Arguments.of(new DropTable("customer", null), new AddColumn("customer", PHONE), true),
                // different tables: independent
                Arguments.of(new CreateTable(Table.of("tag", List.of(PHONE))), new AddColumn("customer", EMAIL), false),
                // raw SQL cannot be compared with anything
                Arguments.of(new ExecuteSql("update customer set phone = null", null), new CreateTable(Table.of("tag",
                        List.of(PHONE))), true));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void overlapIsSymmetricAndAtTheGrainOfAColumn(Operation one, Operation other, boolean overlaps) {
        assertEquals(overlaps, overlaps(one, other), one + " / " + other);
        assertEquals(overlaps, overlaps(other, one), other + " / " + one);
    }

    private static boolean overlaps(Operation one, Operation other) {
        return TouchedColumns.of(List.of(one)).stream()
                .anyMatch(a -> TouchedColumns.of(List.of(other)).stream().anyMatch(a::overlaps));
    }
}
