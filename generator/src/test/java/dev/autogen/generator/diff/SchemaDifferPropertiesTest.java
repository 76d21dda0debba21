package dev.autogen.generator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.op.DropForeignKey;
import dev.autogen.op.Operation;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Properties over many random pairs of schemas, on each dialect: comparing a schema with itself plans nothing; the
 * plan applies step by step without ever missing a prerequisite ({@link SchemaApplier} is strict) and leaves a schema
 * that re-diffs empty against the target; the reversed plan applies too and gives back the current schema; and the
 * same inputs give the same plan.
 */
class SchemaDifferPropertiesTest {

    private static final int PAIRS = 400;

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void plansApplyReverseAndReachAFixpoint(Dialect dialect) {
        SchemaDiffer differ = new SchemaDiffer(dialect);
        RandomSchemas schemas = new RandomSchemas(20261122L + dialect.ordinal());
        for (int i = 0; i < PAIRS; i++) {
            Schema current = schemas.next();
            Schema target = schemas.next();
            String context = "pair " + i + "\ncurrent: " + current + "\ntarget: " + target;

            assertEquals(List.of(), lines(differ.diff(current, current)), "self-diff, " + context);
            List<Operation> plan = differ.diff(current, target);
            assertEquals(plan, differ.diff(current, target), "deterministic, " + context);

            context += "\nplan:\n" + String.join("\n", lines(plan));
            try {
                Schema upgraded = SchemaApplier.apply(current, plan, dialect);
                assertEquals(List.of(), lines(differ.diff(upgraded, target)), "after upgrade");
                Schema downgraded = SchemaApplier.apply(upgraded, SchemaApplier.reverse(plan), dialect);
                assertEquals(List.of(), lines(differ.diff(downgraded, current)), "after downgrade");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + context, e);
            }
        }
    }

    /**
     * Tables equal to their target are not compared (the short cut of a no-op check): the plan is the one the
     * comparison of every table gives, with unchanged tables beside changed ones, foreign keys of unchanged tables
     * rebuilt around a changed key or type included, whether the unchanged tables are found on one thread or several
     * (from a thousand tables on); and that full comparison of a schema with itself plans nothing.
     */
    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void unchangedTablesAreSkippedWithoutChangingThePlan(Dialect dialect) {
        SchemaDiffer differ = new SchemaDiffer(dialect);
        SchemaDiffer full = SchemaDiffer.comparingEveryTable(dialect);
        SchemaDiffer parallel = SchemaDiffer.findingUnchangedInParallel(dialect);
        RandomSchemas schemas = new RandomSchemas(20261206L + dialect.ordinal());
        Random keep = new Random(17L + dialect.ordinal());
        int rebuiltOnUnchanged = 0;
        for (int i = 0; i < PAIRS; i++) {
            Schema current = schemas.next();
            Schema other = schemas.next();
            // each table the current schema has is kept as it is or replaced by the other draw's (or dropped)
            List<Table> tables = new ArrayList<>();
            for (Table table : current.tables()) {
                Table replacement = other.table(table.name()).orElse(null);
                tables.add(keep.nextBoolean() || replacement == null ? table : replacement);
            }
            other.tables().stream().filter(t -> current.table(t.name()).isEmpty()).forEach(tables::add);
            Schema target = new Schema(tables, other.sequences());
            String context = "pair " + i + "\ncurrent: " + current + "\ntarget: " + target;

            assertEquals(List.of(), lines(full.diff(current, current)), "self-diff, " + context);
            List<Operation> plan = differ.diff(current, target);
            assertEquals(lines(full.diff(current, target)), lines(plan), context);
            assertEquals(plan, parallel.diff(current, target), "unchanged tables found in parallel, " + context);
            rebuiltOnUnchanged += (int) plan.stream().filter(op -> op instanceof DropForeignKey drop
                    && current.table(drop.table()).equals(target.table(drop.table()))).count();
        }
        assertTrue(rebuiltOnUnchanged > 0, "some unchanged table had a foreign key to rebuild");
    }

    /** No false differences: what a catalog shows differently but means the same plans nothing. */
    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void namesColumnOrderSpellingAndUniqueFormDoNotMatter(Dialect dialect) {
        SchemaDiffer differ = new SchemaDiffer(dialect);
        RandomSchemas schemas = new RandomSchemas(7L + dialect.ordinal());
        for (int i = 0; i < PAIRS; i++) {
            Schema entities = schemas.next();
            Schema catalog = asACatalogShowsIt(entities);
            assertEquals(List.of(), lines(differ.diff(catalog, entities)), "pair " + i + ": " + catalog);
            assertEquals(List.of(), lines(differ.diff(entities, catalog)), "pair " + i + ": " + catalog);
        }
    }

    /** Other names, reversed columns, defaults and checks re-spelled, unique constraints as unique indexes. */
    private static Schema asACatalogShowsIt(Schema schema) {
        List<Table> tables = schema.tables().stream().map(t -> new Table(t.name(),
                t.columns().reversed().stream().map(c -> c.defaultValue() == null ? c
                        : c.withDefaultValue("(" + c.defaultValue().toUpperCase(Locale.ROOT).replace("'X'", "'x'").replace("'Y'", "'y'") + ")")).toList(),
                t.primaryKey() == null ? null : t.primaryKey().withName(t.name() + "_pkey_db"),
                List.of(),
                t.foreignKeys().stream().map(fk -> new ForeignKey(fk.name() + "_db", fk.columns(), fk.referencedTable(),
                        fk.referencedColumns(), fk.onDelete())).toList(),
                t.checks().stream().map(ck -> new CheckConstraint(ck.name() + "_db", "(" + ck.expression().toUpperCase(Locale.ROOT) + ")")).toList(),
                Stream.concat(t.indexes().stream().map(ix -> ix.withName(ix.name() + "_db")),
                        t.uniqueConstraints().stream().map(u -> new Index(u.name() + "_ux_db",
                                u.columns().stream().map(IndexColumn::asc).toList(), true))).toList(),
                t.comment())).toList();
        return new Schema(tables, schema.sequences());
    }

    private static List<String> lines(List<Operation> plan) {
        return plan.stream().map(OperationText::line).toList();
    }
}
