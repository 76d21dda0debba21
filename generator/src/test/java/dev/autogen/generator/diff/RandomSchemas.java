package dev.autogen.generator.diff;

import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Sequence;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Consistent random schemas drawn from a small pool of names, so that two draws overlap a lot (shared tables and
 * columns with changed definitions) and foreign keys form chains, self-references and cycles.
 */
final class RandomSchemas {
    private static final List<String> TABLES = List.of("a", "b", "c", "d", "e");
    private static final List<String> COLUMNS = List.of("c1", "c2", "c3");
    private static final List<ColumnType> TYPES = List.of(new ColumnType.Varchar(10), new ColumnType.Varchar(20),
            new ColumnType.IntegerType(), new ColumnType.Uuid(), new ColumnType.Binary(), new ColumnType.Text());
    private static final List<String> DEFAULTS = List.of("'x'", " ( 'x' )", "'y'");
    private static final List<String> CHECKS = List.of("id > 0", "((ID > 0))", "id < 1000000");

    private final Random random;

    RandomSchemas(long seed) {
        this.random = new Random(seed);
    }

    Schema next() {
        List<String> names = TABLES.stream().filter(t -> random.nextInt(10) < 6).toList();
        List<Table> tables = new ArrayList<>();
        for (String name : names) {
            tables.add(table(name, names));
        }
        List<Sequence> sequences = new ArrayList<>();
        for (String seq : List.of("s1", "s2")) {
            if (random.nextBoolean()) {
                sequences.add(new Sequence(seq, 1, random.nextBoolean() ? 1 : 50));
            }
        }
        return new Schema(tables, sequences);
    }

    private Table table(String name, List<String> tableNames) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.of("id", idType(), false));
        for (String column : COLUMNS) {
            if (random.nextInt(10) < 6) {
                columns.add(new Column(column, pick(TYPES), random.nextBoolean(),
                        random.nextInt(3) == 0 ? pick(DEFAULTS) : null, false,
                        random.nextInt(4) == 0 ? "note " + random.nextInt(2) : null));
            }
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (String referenced : tableNames) {
            if (random.nextInt(10) < 3) {
                String column = referenced + "_id";
                columns.add(Column.of(column, idType(), true));
                foreignKeys.add(new ForeignKey("fk_" + name + "_" + column + "_" + referenced + random.nextInt(2),
                        List.of(column), referenced, List.of("id"),
                        random.nextBoolean() ? ReferentialAction.NO_ACTION : ReferentialAction.CASCADE));
            }
        }
        if (random.nextInt(4) == 0) {
            columns = new ArrayList<>(columns.reversed()); // the live column order differs from the entity's
        }
        List<String> others = columns.stream().map(Column::name).filter(c -> !c.equals("id")).toList();
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        for (int i = 0; i < 2 && !others.isEmpty(); i++) {
            List<String> key = randomKey(others);
            switch (random.nextInt(3)) {
                case 0 -> uniques.add(new UniqueConstraint("uq_" + name + i + random.nextInt(2), key));
                case 1 -> indexes.add(new Index("ix_" + name + i + random.nextInt(2),
                        key.stream().map(c -> new IndexColumn(c, random.nextInt(4) == 0)).toList(), random.nextBoolean()));
                default -> { }
            }
        }
        List<CheckConstraint> checks = random.nextBoolean()
                ? List.of(new CheckConstraint("ck_" + name + random.nextInt(2), pick(CHECKS))) : List.of();
        // every table has a key on id (primary, unique constraint or unique index) that foreign keys can reference
        PrimaryKey primaryKey = null;
        switch (random.nextInt(6)) {
            case 0 -> uniques.add(new UniqueConstraint("uq_" + name + "_id", List.of("id")));
            case 1 -> indexes.add(new Index("ux_" + name + "_id", List.of(IndexColumn.asc("id")), true));
            default -> primaryKey = new PrimaryKey(random.nextBoolean() ? "pk_" + name : name + "_pkey", List.of("id"));
        }
        return new Table(name, columns, primaryKey, uniques, foreignKeys, checks, dedupe(indexes), null);
    }

    private ColumnType idType() {
        return random.nextInt(4) == 0 ? new ColumnType.IntegerType() : new ColumnType.BigInt();
    }

    private List<String> randomKey(List<String> columns) {
        List<String> key = new ArrayList<>();
        key.add(pick(columns));
        String second = pick(columns);
        if (random.nextBoolean() && !key.contains(second)) {
            key.add(second);
        }
        return key;
    }

    private static List<Index> dedupe(List<Index> indexes) {
        List<Index> out = new ArrayList<>();
        for (Index index : indexes) {
            if (out.stream().noneMatch(i -> i.name().equals(index.name()))) {
                out.add(index);
            }
        }
        return out;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
