package dev.autogen.sql.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.op.AddForeignKey;
import dev.autogen.op.AlterColumn;
import dev.autogen.op.CreateTable;
import dev.autogen.op.DropForeignKey;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.SqlText;
import dev.autogen.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the MariaDB renderer writes: backticks, Hibernate's MariaDB types, whole-definition column changes. */
class MariadbDdlRendererTest {
    private final MariadbDdlRenderer renderer = new MariadbDdlRenderer();

    private List<String> sql(dev.autogen.op.Operation op) {
        return renderer.render(op, Schema.EMPTY).stream().map(Statement::sql).toList();
    }

    @Test
    void createsATableWithIdentityCommentsAndBackticks() {
        Table table = Table.of("odd`name", List.of(
                        new Column("id", new ColumnType.BigInt(), false, null, true, null),
                        new Column("active", new ColumnType.BooleanType(), false, "true", false, "it's on"),
                        Column.of("seen", new ColumnType.Timestamp(null, true), true)))
                .withPrimaryKey(new PrimaryKey(null, List.of("id"))).withComment("a\nb");
        assertEquals(List.of("create table `odd``name` (`id` bigint not null auto_increment, `active` bit(1) not null"
                + " default true comment 'it''s on', `seen` timestamp(6) null, primary key (`id`)) comment 'a\\nb'"),
                sql(new CreateTable(table)));
    }

    @Test
    void changesAColumnWithItsWholeDefinition() {
        Column from = Column.of("name", new ColumnType.Varchar(20), true);
        assertEquals(List.of("alter table `customer` modify column `name` varchar(40) not null"),
                sql(new AlterColumn("customer", "name", from, from.withType(new ColumnType.Varchar(40))
                        .withNullable(false))));
    }

    @Test
    void dropsAForeignKeyWithTheIndexMariadbMadeForIt() {
        ForeignKey fk = new ForeignKey("fk_o_c", List.of("customer_id"), "customer", List.of("id"),
                ReferentialAction.CASCADE);
        assertEquals(List.of("alter table `orders` add constraint `fk_o_c` foreign key (`customer_id`) references"
                + " `customer` (`id`) on delete cascade"), sql(new AddForeignKey("orders", fk)));
        assertEquals(List.of("alter table `orders` drop foreign key `fk_o_c`, drop index if exists `fk_o_c`"),
                sql(new DropForeignKey("orders", "fk_o_c", fk)));
    }

    @Test
    void literalsEscapeBackslashesAndLineEnds() {
        assertEquals("'C:\\\\dir\\n''x''\\0'", SqlText.of(Dialect.MARIADB).literal("C:\\dir\n'x'\0"));
    }
}
