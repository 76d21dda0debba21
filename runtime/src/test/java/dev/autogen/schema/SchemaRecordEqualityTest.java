package dev.autogen.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * {@link Table}, {@link Column}, {@link ForeignKey}, {@link PrimaryKey} and {@link CheckConstraint} write their
 * {@code equals} and {@code hashCode} out (the generated ones go through method handles, slow on a C1-only JVM): they
 * must answer what the generated ones would, component by component, and give the same hash values (so nothing that
 * iterates a hash set of them changes order).
 */
class SchemaRecordEqualityTest {
    private static boolean componentByComponent(Record a, Object b) throws ReflectiveOperationException {
        if (b == null || a.getClass() != b.getClass()) {
            return false;
        }
        for (RecordComponent component : a.getClass().getRecordComponents()) {
            if (!Objects.equals(component.getAccessor().invoke(a), component.getAccessor().invoke(b))) {
                return false;
            }
        }
        return true;
    }

    private static int generatedHash(Record a) throws ReflectiveOperationException {
        int h = 0;
        for (RecordComponent component : a.getClass().getRecordComponents()) {
            h = 31 * h + Objects.hashCode(component.getAccessor().invoke(a));
        }
        return h;
    }

    private static void check(List<? extends Record> instances) throws ReflectiveOperationException {
        int equalPairs = 0;
        for (Record a : instances) {
            assertEquals(generatedHash(a), a.hashCode(), a.toString());
            assertFalse(a.equals(null));
            assertFalse(a.equals(a.toString()));
            for (Record b : instances) {
                boolean expected = componentByComponent(a, b);
                assertEquals(expected, a.equals(b), a + " vs " + b);
                if (expected) {
                    equalPairs++;
                    assertEquals(a.hashCode(), b.hashCode());
                }
            }
        }
        assertTrue(equalPairs > instances.size(), "the instances include equal copies, not only themselves");
    }

    private static Column column(String name) {
        return new Column(name, new ColumnType.Varchar(20), true, "'x'", false, "c");
    }

    @Test
    void columnsCompareAndHashAsTheGeneratedMethodsWould() throws ReflectiveOperationException {
        List<Column> columns = new ArrayList<>();
        for (int copy = 0; copy < 2; copy++) {
            columns.add(column("a"));
            columns.add(column("b"));
            columns.add(column("a").withType(new ColumnType.Varchar(21)));
            columns.add(column("a").withType(new ColumnType.Text()));
            columns.add(column("a").withNullable(false));
            columns.add(column("a").withDefaultValue(null));
            columns.add(column("a").withDefaultValue("'y'"));
            columns.add(new Column("a", new ColumnType.Varchar(20), true, "'x'", true, "c"));
            columns.add(new Column("a", new ColumnType.Varchar(20), true, "'x'", false, null));
            columns.add(new Column("a", new ColumnType.Varchar(20), true, "'x'", false, "d"));
            columns.add(Column.of("a", new ColumnType.Text(), false));
        }
        check(columns);
    }

    @Test
    void keysAndChecksCompareAndHashAsTheGeneratedMethodsWould() throws ReflectiveOperationException {
        List<Record> keys = new ArrayList<>();
        for (int copy = 0; copy < 2; copy++) {
            keys.add(new ForeignKey("fk", List.of("a"), "t", List.of("id"), null));
            keys.add(new ForeignKey("fk", List.of("a"), "t", List.of("id"), ReferentialAction.NO_ACTION));
            keys.add(new ForeignKey("fk2", List.of("a"), "t", List.of("id"), null));
            keys.add(new ForeignKey("fk", List.of("b"), "t", List.of("id"), null));
            keys.add(new ForeignKey("fk", List.of("a"), "s.t", List.of("id"), null));
            keys.add(new ForeignKey("fk", List.of("a"), "t", List.of("key"), null));
            keys.add(new ForeignKey("fk", List.of("a"), "t", List.of("id"), ReferentialAction.CASCADE));
            keys.add(new PrimaryKey("pk", List.of("id")));
            keys.add(new PrimaryKey("pk2", List.of("id")));
            keys.add(new PrimaryKey("pk", List.of("id", "a")));
            keys.add(new PrimaryKey(null, List.of("id")));
            keys.add(new CheckConstraint("ck", "a > 0"));
            keys.add(new CheckConstraint("ck2", "a > 0"));
            keys.add(new CheckConstraint("ck", "a > 1"));
        }
        check(keys);
    }

    @Test
    void tablesCompareAndHashAsTheGeneratedMethodsWould() throws ReflectiveOperationException {
        List<Table> tables = new ArrayList<>();
        for (int copy = 0; copy < 2; copy++) {
            Table base = Table.of("t", List.of(column("a"), column("b")));
            tables.add(base);
            tables.add(base.withName("u"));
            tables.add(base.withName("s.t"));
            tables.add(Table.of("t", List.of(column("b"), column("a"))));
            tables.add(Table.of("t", List.of(column("a"))));
            tables.add(new Table("t", base.columns(), new PrimaryKey("pk", List.of("a")), List.of(), List.of(),
                    List.of(), List.of(), null));
            tables.add(new Table("t", base.columns(), null, List.of(new UniqueConstraint("uq", List.of("b"))),
                    List.of(), List.of(), List.of(), null));
            tables.add(new Table("t", base.columns(), null, List.of(),
                    List.of(new ForeignKey("fk", List.of("b"), "u", List.of("id"), null)), List.of(), List.of(),
                    null));
            tables.add(new Table("t", base.columns(), null, List.of(), List.of(),
                    List.of(new CheckConstraint("ck", "a > 0")), List.of(), null));
            tables.add(new Table("t", base.columns(), null, List.of(), List.of(), List.of(),
                    List.of(new Index("ix", List.of(new IndexColumn("a", false)), false)), null));
            tables.add(new Table("t", base.columns(), null, List.of(), List.of(), List.of(), List.of(), "comment"));
            tables.add(new Table("t", base.columns(), null, List.of(), List.of(), List.of(), List.of(), null,
                    RowLevelSecurity.enabled(false), List.of()));
            tables.add(new Table("t", base.columns(), null, List.of(), List.of(), List.of(), List.of(), null,
                    RowLevelSecurity.NONE, List.of()));
        }
        check(tables);
    }
}
