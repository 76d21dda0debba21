package dev.autogen.sql.mariadb;

import static dev.autogen.sql.mariadb.MariadbNames.columnList;
import static dev.autogen.sql.mariadb.MariadbNames.quote;
import static dev.autogen.sql.mariadb.MariadbNames.table;

import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.SqlText;
import dev.autogen.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The MariaDB spelling of tables, columns, constraints, indexes and comments: the fragments that
 * {@link MariadbDdlRenderer} assembles into statements. A MariaDB column definition carries its type, nullability,
 * default, {@code auto_increment} and comment together, so a column change is one {@code modify column} with the
 * whole new definition.
 */
final class MariadbTableDdl {
    private MariadbTableDdl() {
    }

    static String literal(String text) {
        return SqlText.of(Dialect.MARIADB).literal(text);
    }

    /** {@code `c` type [not null] [default expr] [auto_increment] [comment '...']}. */
    static String column(Column column) {
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(MariadbTypes.sql(column.type()));
        sql.append(column.nullable() ? " null" : " not null");
        if (column.defaultValue() != null) {
            sql.append(" default ").append(column.defaultValue());
        }
        if (column.identity()) {
            sql.append(" auto_increment");
        }
        if (column.comment() != null) {
            sql.append(" comment ").append(literal(column.comment()));
        }
        return sql.toString();
    }

    /** {@code create table} with inline keys, constraints and indexes, and the table's comment. */
    static List<Statement> createTable(Table t) {
        List<String> parts = new ArrayList<>();
        t.columns().forEach(c -> parts.add(column(c)));
        if (t.primaryKey() != null) {
            parts.add(primaryKey(t.primaryKey()));
        }
        t.uniqueConstraints().forEach(u -> parts.add(unique(u)));
        t.checks().forEach(c -> parts.add(check(c)));
        t.foreignKeys().forEach(fk -> parts.add(foreignKey(fk)));
        String sql = "create table " + table(t.name()) + " (" + String.join(", ", parts) + ")"
                + (t.comment() == null ? "" : " comment " + literal(t.comment()));
        List<Statement> statements = new ArrayList<>();
        statements.add(Statement.of(sql));
        t.indexes().forEach(ix -> statements.add(Statement.of(createIndex(t.name(), ix))));
        return List.copyOf(statements);
    }

    /** MariaDB names every primary key {@code PRIMARY}; a given name is ignored there, as the catalog reader knows. */
    static String primaryKey(PrimaryKey pk) {
        return "primary key " + columnList(pk.columns());
    }

    static String unique(UniqueConstraint unique) {
        return "constraint " + quote(unique.name()) + " unique " + columnList(unique.columns());
    }

    static String check(CheckConstraint check) {
        return "constraint " + quote(check.name()) + " check (" + check.expression() + ")";
    }

    static String foreignKey(ForeignKey fk) {
        return "constraint " + quote(fk.name()) + " foreign key " + columnList(fk.columns()) + " references "
                + table(fk.referencedTable()) + " " + columnList(fk.referencedColumns())
                + (fk.onDelete() == ReferentialAction.NO_ACTION ? "" : " on delete " + fk.onDelete().sql());
    }

    static String createIndex(String tableName, Index index) {
        return "create " + (index.unique() ? "unique " : "") + "index " + quote(index.name()) + " on "
                + table(tableName) + " " + index.columns().stream().map(MariadbTableDdl::indexColumn)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String indexColumn(IndexColumn column) {
        return quote(column.name()) + (column.length() == null ? "" : "(" + column.length() + ")")
                + (column.descending() ? " desc" : "");
    }
}
