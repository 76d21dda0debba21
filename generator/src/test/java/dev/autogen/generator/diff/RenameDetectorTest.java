package dev.autogen.generator.diff;

import static dev.autogen.generator.diff.TableBuilder.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.generator.diff.RenameDetector.Renamed;
import dev.autogen.generator.diff.RenameHints.TableColumn;
import dev.autogen.op.Operation;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** Declared renames ({@code @RenamedFrom} hints) and the undeclared candidates autogen asks about or warns of. */
class RenameDetectorTest {
    private static final ColumnType ID = new ColumnType.BigInt();
    private static final ColumnType NAME = new ColumnType.Varchar(100);
    private static final ColumnType PHONE = new ColumnType.Varchar(20);

    private final RenameDetector detector = new RenameDetector(Dialect.POSTGRESQL);
    private final SchemaDiffer differ = new SchemaDiffer(Dialect.POSTGRESQL);

    private static Schema schema(TableBuilder... tables) {
        return new Schema(java.util.Arrays.stream(tables).map(TableBuilder::build).toList(), List.of());
    }

    private static TableBuilder customer(String name, String phoneColumn) {
        return table(name).col("id", ID).col("full_name", NAME).nullableCol(phoneColumn, PHONE).pk("id");
    }

    private static List<String> lines(List<Operation> plan) {
        return plan.stream().map(OperationText::line).toList();
    }

    @Test
    void columnHintTurnsDropAndAddIntoRename() {
        Schema current = schema(customer("customer", "phone_no"));
        Schema target = schema(customer("customer", "phone"));
        RenameHints hints = new RenameHints(Map.of(), Map.of(new TableColumn("customer", "phone"), List.of("phone_no")));

        Renamed renamed = detector.applyHints(current, target, hints);

        assertEquals(List.of("RenameColumn customer phone_no -> phone"), lines(renamed.renames()));
        assertEquals(List.of(), differ.diff(renamed.current(), target), "nothing left after the rename");
    }

    @Test
    void tableHintThenColumnHintOnTheRenamedTable() {
        Schema current = schema(customer("customer", "phone_no"));
        Schema target = schema(customer("client", "phone"));
        RenameHints hints = new RenameHints(Map.of("client", List.of("customers", "customer")),
                Map.of(new TableColumn("client", "phone"), List.of("phone_no")));

        Renamed renamed = detector.applyHints(current, target, hints);

        // the first previous name that exists is used
        assertEquals(List.of("RenameTable customer -> client", "RenameColumn client phone_no -> phone"),
                lines(renamed.renames()));
        assertEquals(target.table("client").orElseThrow().columns(),
                renamed.current().table("client").orElseThrow().columns());
    }

    @Test
    void hintIsIgnoredWhenTheOldNameIsGoneOrTheNewOneExists() {
        RenameHints hints = new RenameHints(Map.of("client", List.of("customer")),
                Map.of(new TableColumn("client", "phone"), List.of("phone_no")));
        // already migrated: the new names exist
        Schema migrated = schema(customer("client", "phone"));
        assertEquals(List.of(), detector.applyHints(migrated, migrated, hints).renames());
        // both names exist: renaming would collide
        Schema both = schema(customer("client", "phone_no").nullableCol("phone", PHONE), customer("customer", "x"));
        assertEquals(List.of(), detector.applyHints(both, migrated, hints).renames());
        // the old name never existed
        Schema other = schema(customer("account", "mobile"));
        assertEquals(List.of(), detector.applyHints(other, migrated, hints).renames());
    }

    @Test
    void columnCandidateNeedsTheSameTypeSpelling() {
        Schema current = schema(customer("customer", "phone_no"));
        Schema sameType = schema(customer("customer", "phone"));
        assertEquals(List.of(new Rename.OfColumn("customer", "phone_no", "phone")),
                detector.columnCandidates(current, sameType));
        Schema otherType = schema(table("customer").col("id", ID).col("full_name", NAME)
                .nullableCol("phone", new ColumnType.Varchar(30)).pk("id"));
        assertEquals(List.of(), detector.columnCandidates(current, otherType));
    }

    @Test
    void ambiguousColumnCandidatesSuggestNothing() {
        // two columns of the same type disappear and one appears: which one was renamed?
        Schema twoGone = schema(customer("customer", "phone_no").nullableCol("fax_no", PHONE));
        Schema oneNew = schema(customer("customer", "phone"));
        assertEquals(List.of(), detector.columnCandidates(twoGone, oneNew));
        // one disappears and two of its type appear
        Schema oneGone = schema(customer("customer", "phone_no"));
        Schema twoNew = schema(customer("customer", "phone").nullableCol("mobile", PHONE));
        assertEquals(List.of(), detector.columnCandidates(oneGone, twoNew));
        // the type tells two pairs apart
        Schema pairsBefore = schema(customer("customer", "phone_no").nullableCol("age_years", new ColumnType.IntegerType()));
        Schema pairsAfter = schema(customer("customer", "phone").nullableCol("age", new ColumnType.IntegerType()));
        assertEquals(List.of(new Rename.OfColumn("customer", "age_years", "age"),
                new Rename.OfColumn("customer", "phone_no", "phone")), detector.columnCandidates(pairsBefore, pairsAfter));
    }

    @Test
    void tableCandidateSharesMostColumns() {
        Schema current = schema(customer("customer", "phone_no"), table("tag").col("id", ID).pk("id"));
        // two of three columns shared by name and type: most
        Schema target = schema(customer("client", "phone"), table("tag").col("id", ID).pk("id"));
        assertEquals(List.of(new Rename.OfTable("customer", "client")), detector.tableCandidates(current, target));
        // one of three: not a rename
        Schema unlike = schema(table("invoice").col("id", ID).col("total", new ColumnType.Numeric(10, 2))
                .col("due", new ColumnType.Date()).pk("id"), table("tag").col("id", ID).pk("id"));
        assertEquals(List.of(), detector.tableCandidates(current, unlike));
    }

    @Test
    void ambiguousTableCandidatesSuggestNothing() {
        Schema current = schema(customer("customer", "phone"));
        Schema target = schema(customer("client", "phone"), customer("patron", "phone"));
        assertEquals(List.of(), detector.tableCandidates(current, target));
    }

    @Test
    void candidatesInAPlanAreKeyedByTheDrop() {
        Schema current = schema(customer("customer", "phone_no"), table("old_tag").col("id", ID).col("label", NAME).pk("id"));
        Schema target = schema(customer("customer", "phone"), table("tag").col("id", ID).col("label", NAME).pk("id"));
        List<Operation> plan = differ.diff(current, target);

        SortedMap<Integer, Rename> candidates = detector.candidatesIn(plan);

        assertEquals(2, candidates.size(), lines(plan).toString());
        candidates.forEach((index, rename) -> assertEquals(
                rename instanceof Rename.OfTable ? "DropTable old_tag" : "DropColumn customer phone_no",
                OperationText.line(plan.get(index))));
        assertEquals(List.of("possible rename: customer.phone_no -> customer.phone (add @RenamedFrom(\"phone_no\") to keep the data)",
                        "possible rename: table old_tag -> tag (add @RenamedFrom(\"old_tag\") to keep the data)"),
                candidates.values().stream().map(Rename::warning).sorted().toList());
    }

    @Test
    void questionsAreWordedExactly() {
        assertEquals("Did you rename customer.phone_no to customer.phone? [y/N] ",
                new Rename.OfColumn("customer", "phone_no", "phone").question());
        assertEquals("Did you rename table customer to client? [y/N] ", new Rename.OfTable("customer", "client").question());
    }
}
