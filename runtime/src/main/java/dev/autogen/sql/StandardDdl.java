package dev.autogen.sql;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;

import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.UniqueConstraint;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The DDL fragments that PostgreSQL and SQLite write the same way (standard SQL): table constraints as they stand
 * inside {@code create table} or after {@code alter table ... add}, and {@code create index}. One spelling for both
 * dialect renderers, so the two cannot drift apart. Identifiers are always quoted.
 */
public final class StandardDdl {
    private StandardDdl() {
    }

    /** {@code ("a", "b")}. */
    public static String columnList(List<String> columns) {
        return columns.stream().map(DdlRenderer::quoteIdentifier).collect(Collectors.joining(", ", "(", ")"));
    }

    /** {@code constraint "pk" primary key (...)}, or {@code primary key (...)} when the database picks the name. */
    public static String primaryKey(PrimaryKey pk) {
        return (pk.name() == null ? "" : "constraint " + quoteIdentifier(pk.name()) + " ") + "primary key "
                + columnList(pk.columns());
    }

    public static String unique(UniqueConstraint unique) {
        return "constraint " + quoteIdentifier(unique.name()) + " unique " + columnList(unique.columns());
    }

    public static String check(CheckConstraint check) {
        return "constraint " + quoteIdentifier(check.name()) + " check (" + check.expression() + ")";
    }

    public static String foreignKey(ForeignKey fk) {
        return "constraint " + quoteIdentifier(fk.name()) + " foreign key " + columnList(fk.columns()) + " references "
                + DdlRenderer.quoteTable(fk.referencedTable()) + " " + columnList(fk.referencedColumns())
                + (fk.onDelete() == ReferentialAction.NO_ACTION ? "" : " on delete " + fk.onDelete().sql());
    }

    public static String createIndex(String table, Index index) {
        return "create " + (index.unique() ? "unique " : "") + "index " + quoteIdentifier(index.name()) + " on "
                + DdlRenderer.quoteTable(table) + " " + index.columns().stream().map(StandardDdl::indexColumn)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * A backfill as one {@code UPDATE}: what an offline script and {@code show --sql} print. The migrator never runs
     * it; it runs the backfill in batches by primary key ({@code BackfillBatches}).
     */
    public static String backfillUpdate(dev.autogen.op.Backfill backfill) {
        return "update " + DdlRenderer.quoteTable(backfill.table()) + " set " + backfill.set()
                + (backfill.where() == null ? "" : " where " + backfill.where());
    }

    private static String indexColumn(IndexColumn column) {
        return quoteIdentifier(column.name()) + (column.descending() ? " desc" : "");
    }
}
