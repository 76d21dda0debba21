package dev.autogen.generator.diff;

import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Terse construction of test tables: {@code table("users").col("id", uuid()).pk("id").build()}. */
final class TableBuilder {
    private final String name;
    private final List<Column> columns = new ArrayList<>();
    private PrimaryKey primaryKey;
    private final List<UniqueConstraint> uniques = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final List<CheckConstraint> checks = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private String comment;

    private TableBuilder(String name) {
        this.name = name;
    }

    static TableBuilder table(String name) {
        return new TableBuilder(name);
    }

    /** A NOT NULL column. */
    TableBuilder col(String column, ColumnType type) {
        return col(Column.of(column, type, false));
    }

    TableBuilder nullableCol(String column, ColumnType type) {
        return col(Column.of(column, type, true));
    }

    TableBuilder col(Column column) {
        columns.add(column);
        return this;
    }

    TableBuilder pk(String... cols) {
        primaryKey = new PrimaryKey("pk_" + name, List.of(cols));
        return this;
    }

    TableBuilder pkNamed(String pkName, String... cols) {
        primaryKey = new PrimaryKey(pkName, List.of(cols));
        return this;
    }

    TableBuilder unique(String uqName, String... cols) {
        uniques.add(new UniqueConstraint(uqName, List.of(cols)));
        return this;
    }

    /** Key parts as in the DSL: {@code "created_at desc"}. */
    TableBuilder index(String ixName, String... parts) {
        indexes.add(new Index(ixName, Arrays.stream(parts).map(IndexColumn::parse).toList(), false));
        return this;
    }

    TableBuilder uniqueIndex(String ixName, String... parts) {
        indexes.add(new Index(ixName, Arrays.stream(parts).map(IndexColumn::parse).toList(), true));
        return this;
    }

    TableBuilder fk(String fkName, String column, String referencedTable, String referencedColumn,
                    ReferentialAction onDelete) {
        foreignKeys.add(new ForeignKey(fkName, List.of(column), referencedTable, List.of(referencedColumn), onDelete));
        return this;
    }

    TableBuilder fk(String fkName, String column, String referencedTable, String referencedColumn) {
        return fk(fkName, column, referencedTable, referencedColumn, ReferentialAction.NO_ACTION);
    }

    TableBuilder check(String ckName, String expression) {
        checks.add(new CheckConstraint(ckName, expression));
        return this;
    }

    TableBuilder comment(String text) {
        comment = text;
        return this;
    }

    Table build() {
        return new Table(name, columns, primaryKey, uniques, foreignKeys, checks, indexes, comment);
    }
}
