package dev.autogen.sql.mariadb;

import dev.autogen.op.AlterEnumType;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.EnumType;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL named enums on MariaDB, which has no enum types, only native {@code enum('A','B')} columns (what
 * Hibernate's MariaDB dialect maps {@code SqlTypes.NAMED_ENUM} to). A migration written on PostgreSQL creates the
 * type and gives columns the type's name ({@code native("tier")}); here such a column is declared with the values
 * the type has in the schema before the operation ({@code before}, which the migrator replays for these revisions,
 * and offline scripts keep), and altering the type modifies every column of it. A migration planned on MariaDB
 * itself already spells the values ({@code native("enum('FREE','PRO')")}) and needs none of this.
 */
public final class MariadbEnumColumns {
    /** A column of a table, with the type it gets. */
    public record TableColumn(String table, Column column) {
    }

    private MariadbEnumColumns() {
    }

    /** {@code column} with its enum type's values spelled out, when its type names an enum type of {@code before}. */
    public static Column resolve(Column column, Schema before) {
        return enumOf(column, before)
                .map(type -> column.withType(new ColumnType.Native(MariadbTypes.enumSql(type.values()))))
                .orElse(column);
    }

    /** {@code table} with every column of an enum type of {@code before} spelled out. */
    public static Table resolve(Table table, Schema before) {
        if (before.enumTypes().isEmpty()) {
            return table;
        }
        return table.withColumns(table.columns().stream().map(c -> resolve(c, before)).toList());
    }

    /**
     * {@code schema} as MariaDB holds it: every column of an enum type spelled out, and no enum types. This is how a
     * schema replayed from migrations written on PostgreSQL compares with the entities read for MariaDB (whose named
     * enum columns are already spelled out) and with a MariaDB catalog.
     */
    public static Schema spelledOut(Schema schema) {
        if (schema.enumTypes().isEmpty()) {
            return schema;
        }
        return new Schema(schema.tables().stream().map(t -> resolve(t, schema)).toList(), schema.sequences(),
                List.of());
    }

    /** Every column of the altered type in {@code before}, with the type's new values. */
    public static List<TableColumn> alter(AlterEnumType op, Schema before) {
        ColumnType altered = new ColumnType.Native(MariadbTypes.enumSql(op.enumType().values()));
        List<TableColumn> columns = new ArrayList<>();
        for (Table table : before.tables()) {
            for (Column column : table.columns()) {
                if (column.type() instanceof ColumnType.Native n && n.sql().equals(op.enumType().name())) {
                    columns.add(new TableColumn(table.name(), column.withType(altered)));
                }
            }
        }
        return columns;
    }

    private static Optional<EnumType> enumOf(Column column, Schema before) {
        if (!(column.type() instanceof ColumnType.Native n)) {
            return Optional.empty();
        }
        return before.enumTypes().stream().filter(type -> type.name().equals(n.sql())).findFirst();
    }
}
