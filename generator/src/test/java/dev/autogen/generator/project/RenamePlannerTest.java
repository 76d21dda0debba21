package dev.autogen.generator.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.generator.diff.OperationText;
import dev.autogen.generator.diff.Rename;
import dev.autogen.generator.diff.RenameHints;
import dev.autogen.generator.diff.SchemaDiffer;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which candidates the prompt is asked about, in which order, and what the answers make of the plan. */
class RenamePlannerTest {
    private static Table customer(String name, String phone) {
        return Table.of(name, List.of(Column.of("id", new ColumnType.BigInt(), false),
                        Column.of("full_name", new ColumnType.Varchar(120), false),
                        Column.of(phone, new ColumnType.Varchar(20), true)))
                .withPrimaryKey(new PrimaryKey("pk_" + name, List.of("id")));
    }

    private static List<String> plan(RenamePrompt prompt) {
        Schema current = new Schema(List.of(customer("customer", "phone_no")), List.of());
        Schema target = new Schema(List.of(customer("client", "phone")), List.of());
        return new RenamePlanner(Dialect.SQLITE, new SchemaDiffer(Dialect.SQLITE), prompt)
                .plan(current, target, RenameHints.NONE).stream().map(OperationText::line).toList();
    }

    @Test
    void aConfirmedTableRenameThenAsksAboutItsColumns() {
        List<String> asked = new ArrayList<>();
        List<String> plan = plan(rename -> asked.add(rename.question()));
        assertEquals(List.of("Did you rename table customer to client? [y/N] ",
                "Did you rename client.phone_no to client.phone? [y/N] "), asked);
        assertEquals(List.of("RenameTable customer -> client", "RenameColumn client phone_no -> phone"),
                plan.subList(0, 2));
    }

    @Test
    void declinedRenamesStayDropAndAdd() {
        List<String> plan = plan(RenamePrompt.never());
        assertEquals(List.of("DropTable customer"), plan.stream().filter(l -> l.startsWith("Drop")).toList());
        assertEquals(1, plan.stream().filter(l -> l.startsWith("CreateTable client")).count(), plan.toString());
        assertEquals(List.of("possible rename: table customer -> client (add @RenamedFrom(\"customer\") to keep the data)"),
                PlanHazards.of(new RenamePlanner(Dialect.SQLITE, new SchemaDiffer(Dialect.SQLITE), RenamePrompt.never())
                        .plan(new Schema(List.of(customer("customer", "phone_no")), List.of()),
                                new Schema(List.of(customer("client", "phone")), List.of()), RenameHints.NONE),
                        Dialect.SQLITE).values().stream().flatMap(List::stream).map(h -> h.why())
                        .filter(w -> w.startsWith("possible rename")).toList());
    }

    @Test
    void aTableNoMigrationCreatedIsNeverOffered() {
        List<String> asked = new ArrayList<>();
        Schema current = new Schema(List.of(customer("customer", "phone_no")), List.of());
        Schema target = new Schema(List.of(customer("client", "phone")), List.of());
        List<String> plan = new RenamePlanner(Dialect.SQLITE, new SchemaDiffer(Dialect.SQLITE),
                rename -> asked.add(rename.question()), table -> !table.equals("customer"))
                .plan(current, target, RenameHints.NONE).stream().map(OperationText::line).toList();
        assertEquals(List.of(), asked);
        assertEquals(List.of("DropTable customer"), plan.stream().filter(l -> l.startsWith("Drop")).toList());
        assertEquals(1, plan.stream().filter(l -> l.startsWith("CreateTable client")).count(), plan.toString());
        assertEquals(List.of(), new UnmanagedTables(java.util.Set.of()).filter(new RenamePlanner(Dialect.SQLITE,
                new SchemaDiffer(Dialect.SQLITE), rename -> true, table -> false).plan(current, target,
                RenameHints.NONE)).plan().stream().map(OperationText::line).filter(l -> l.startsWith("Drop")
                        || l.startsWith("Rename")).toList(), "the unmanaged table is left alone, not renamed");
    }

    @Test
    void onlyTheConfirmedCandidateIsRenamed() {
        Rename.OfTable table = new Rename.OfTable("customer", "client");
        List<String> plan = plan(table::equals);
        assertEquals("RenameTable customer -> client", plan.get(0));
        assertEquals(List.of("DropColumn client phone_no"), plan.stream().filter(l -> l.startsWith("Drop")).toList());
    }
}
