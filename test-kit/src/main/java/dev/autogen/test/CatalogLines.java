package dev.autogen.test;

import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.EnumType;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.Policy;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Sequence;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A catalog as sorted readable lines, one per column, key, constraint, index, policy, sequence and enum type, so
 * that "the downgrade restored the schema" is a comparison of two sets of lines and a failure can print exactly the
 * lines that differ. Names are kept (a downgrade that re-creates an index under another name did not restore it);
 * column order is not (SQLite's table rebuilds and PostgreSQL's {@code ADD COLUMN} put a restored column last, which
 * no query can tell from the original order).
 *
 * @param lines sorted, distinct
 */
public record CatalogLines(List<String> lines) {

    public CatalogLines {
        lines = List.copyOf(new TreeSet<>(lines));
    }

    /** The lines of {@code schema} as read from a {@code dialect} database. */
    public static CatalogLines of(Schema schema, Dialect dialect) {
        DdlRenderer renderer = DdlRenderer.forDialect(dialect);
        List<String> lines = new ArrayList<>();
        for (Table table : schema.tables()) {
            String t = table.name();
            lines.add("table " + t + (table.comment() == null ? "" : " comment '" + table.comment() + "'"));
            for (Column column : table.columns()) {
                lines.add("column " + t + "." + column.name() + " " + renderer.typeSql(column.type())
                        + (column.nullable() ? " null" : " not null")
                        + (column.defaultValue() == null ? "" : " default " + column.defaultValue())
                        + (column.identity() ? " identity" : "")
                        + (column.comment() == null ? "" : " comment '" + column.comment() + "'"));
            }
            if (table.primaryKey() != null) {
                lines.add("primary key " + t + " " + table.primaryKey().name() + " " + table.primaryKey().columns());
            }
            for (UniqueConstraint unique : table.uniqueConstraints()) {
                lines.add("unique " + t + " " + unique.name() + " " + unique.columns());
            }
            for (ForeignKey fk : table.foreignKeys()) {
                lines.add("foreign key " + t + " " + fk.name() + " " + fk.columns() + " -> " + fk.referencedTable()
                        + fk.referencedColumns() + " on delete " + fk.onDelete().sql());
            }
            for (CheckConstraint check : table.checks()) {
                lines.add("check " + t + " " + check.name() + " " + check.expression());
            }
            for (Index index : table.indexes()) {
                lines.add((index.unique() ? "unique index " : "index ") + t + " " + index.name() + " "
                        + index.columns().stream().map(IndexColumn::spec).toList());
            }
            if (table.rowLevelSecurity().enabled()) {
                lines.add("row level security " + t + (table.rowLevelSecurity().forced() ? " forced" : ""));
            }
            for (Policy policy : table.policies()) {
                lines.add("policy " + t + " " + policy);
            }
        }
        for (Sequence sequence : schema.sequences()) {
            lines.add("sequence " + sequence.name() + " start " + sequence.start() + " increment "
                    + sequence.increment());
        }
        for (EnumType enumType : schema.enumTypes()) {
            lines.add("enum type " + enumType.name() + " " + enumType.values());
        }
        return new CatalogLines(lines);
    }

    /**
     * What differs from {@code expected}, as {@code - line} (expected, absent here) and {@code + line} (here, not
     * expected), indented one per line; empty when the catalogs are equal.
     */
    public List<String> differencesFrom(CatalogLines expected) {
        TreeSet<String> missing = new TreeSet<>(expected.lines);
        missing.removeAll(lines);
        TreeSet<String> extra = new TreeSet<>(lines);
        extra.removeAll(expected.lines);
        List<String> out = new ArrayList<>();
        missing.forEach(line -> out.add("- " + line));
        extra.forEach(line -> out.add("+ " + line));
        return out;
    }
}
