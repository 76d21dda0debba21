package dev.autogen.generator.testing;

import dev.autogen.generator.catalog.SqlExpressions;
import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.EnumType;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Sequence;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * A catalog as sorted readable lines with every constraint and index name left out: the form in which the catalog
 * autogen's migrations produce is compared with the one Hibernate's own export produces (DESIGN.md §6). Names are
 * left out because Hibernate hashes the names of unnamed constraints; everything else (types, nullability, defaults,
 * keys, checks, index columns and order) must match, except the order of a named enum's values (Hibernate sorts them,
 * autogen keeps the Java declaration order).
 */
public final class CatalogShape {
    private CatalogShape() {
    }

    public static List<String> of(Schema schema, Dialect dialect) {
        DdlRenderer renderer = DdlRenderer.forDialect(dialect);
        List<String> lines = new ArrayList<>();
        for (Table table : schema.tables()) {
            String t = table.name();
            lines.add(t + ": table");
            for (Column column : table.columns()) {
                lines.add(t + "." + column.name() + ": " + renderer.typeSql(column.type()).toLowerCase()
                        + (column.nullable() ? " null" : " not null")
                        + (column.defaultValue() == null ? "" : " default " + SqlExpressions.canonical(column.defaultValue()))
                        + (column.identity() ? " identity" : ""));
            }
            if (table.primaryKey() != null) {
                lines.add(t + ": primary key " + table.primaryKey().columns());
            }
            for (UniqueConstraint unique : table.uniqueConstraints()) {
                lines.add(t + ": unique " + unique.columns());
            }
            for (ForeignKey fk : table.foreignKeys()) {
                lines.add(t + ": foreign key " + fk.columns() + " -> " + fk.referencedTable() + fk.referencedColumns()
                        + " on delete " + fk.onDelete().sql());
            }
            for (CheckConstraint check : table.checks()) {
                lines.add(t + ": check " + SqlExpressions.canonical(check.expression()));
            }
            for (Index index : table.indexes()) {
                lines.add(t + ": " + (index.unique() ? "unique index " : "index ")
                        + index.columns().stream().map(IndexColumn::spec).toList());
            }
        }
        for (Sequence sequence : schema.sequences()) {
            lines.add("sequence " + sequence.name() + " start " + sequence.start() + " increment " + sequence.increment());
        }
        for (EnumType enumType : schema.enumTypes()) {
            // sorted: Hibernate's export writes the values alphabetically, autogen in declaration order
            lines.add("enum type " + enumType.name() + " " + enumType.values().stream().sorted().toList());
        }
        lines.sort(null);
        return lines;
    }
}
