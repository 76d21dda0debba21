package dev.autogen.sql.sqlite;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;

import dev.autogen.schema.Column;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.Table;
import dev.autogen.sql.StandardDdl;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SQLite spelling of a table: one {@code create table} with every constraint inline (SQLite cannot add them
 * later), and its indexes as separate statements. Shared by table creation and the table rebuild.
 *
 * <p>An identity column that is the table's sole primary-key column is written {@code "id" integer primary key}
 * ({@code "id" integer constraint "pk_t" primary key} when the key is named),
 * whatever its logical integer type: only that exact form makes it an alias of the rowid, which is how SQLite
 * generates keys (it is also what Hibernate's SQLite dialect creates). Other identity columns are plain columns:
 * SQLite has no identity. Comments are dropped: SQLite has none.
 */
final class SqliteDdlTableDefinition {
    /** Defaults SQLite accepts without parentheses (and that {@code alter table add column} accepts at all). */
    private static final Pattern CONSTANT_DEFAULT = Pattern.compile(
            "[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?|'([^']|'')*'|null|true|false|x'[0-9a-f]*'",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME_DEFAULT = Pattern.compile("current_(time|date|timestamp)", Pattern.CASE_INSENSITIVE);

    private SqliteDdlTableDefinition() {
    }

    /** {@code create table "name" (...)} for {@code table}'s definition under the given name. */
    static String createTable(Table table, String name) {
        PrimaryKey pk = table.primaryKey();
        String rowidAlias = rowidAlias(table);
        List<String> parts = new ArrayList<>();
        for (Column column : table.columns()) {
            // a named key keeps its name inline: still the rowid alias, and the name survives a rebuild
            parts.add(column.name().equals(rowidAlias)
                    ? quoteIdentifier(column.name()) + " integer" + (pk.name() == null ? "" : " constraint " + quoteIdentifier(pk.name()))
                            + " primary key"
                    : column(column));
        }
        if (pk != null && rowidAlias == null) {
            parts.add(StandardDdl.primaryKey(pk));
        }
        table.uniqueConstraints().forEach(u -> parts.add(StandardDdl.unique(u)));
        table.checks().forEach(c -> parts.add(StandardDdl.check(c)));
        table.foreignKeys().forEach(fk -> parts.add(StandardDdl.foreignKey(fk)));
        return "create table " + quoteIdentifier(name) + " (" + String.join(", ", parts) + ")";
    }

    /** The column that becomes the rowid alias, or null. */
    static String rowidAlias(Table table) {
        PrimaryKey pk = table.primaryKey();
        if (pk == null || pk.columns().size() != 1) {
            return null;
        }
        return table.column(pk.columns().getFirst()).filter(Column::identity).map(Column::name).orElse(null);
    }

    /** {@code "c" type [default expr] [not null]}. */
    static String column(Column column) {
        StringBuilder sql = new StringBuilder(quoteIdentifier(column.name())).append(' ')
                .append(SqliteTypes.sql(column.type()));
        if (column.defaultValue() != null) {
            sql.append(" default ").append(defaultExpression(column.defaultValue()));
        }
        if (!column.nullable()) {
            sql.append(" not null");
        }
        return sql.toString();
    }

    /** SQLite requires parentheses around a default that is neither a literal nor {@code current_*}. */
    static String defaultExpression(String expression) {
        String trimmed = expression.strip();
        if (CONSTANT_DEFAULT.matcher(trimmed).matches() || TIME_DEFAULT.matcher(trimmed).matches()
                || (trimmed.startsWith("(") && trimmed.endsWith(")"))) {
            return trimmed;
        }
        return "(" + trimmed + ")";
    }

    /**
     * Whether {@code alter table add column} can add this column: SQLite refuses a NOT NULL column without a default,
     * and a default that is not constant ({@code current_timestamp}, an expression in parentheses).
     */
    static boolean addableInPlace(Column column) {
        if (column.defaultValue() == null) {
            return column.nullable();
        }
        String trimmed = column.defaultValue().strip();
        boolean nullDefault = trimmed.equalsIgnoreCase("null");
        return CONSTANT_DEFAULT.matcher(trimmed).matches() && (column.nullable() || !nullDefault);
    }
}
