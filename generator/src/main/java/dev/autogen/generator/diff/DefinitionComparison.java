package dev.autogen.generator.diff;

import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * When two definitions of the same column or expression mean the same thing on one dialect.
 *
 * <ul>
 *   <li>Types are equal when the dialect spells them alike ({@link DdlRenderer#typeSql}), ignoring case and
 *       whitespace: {@code Uuid} and {@code Binary} are both {@code blob} on SQLite, so not a difference there.</li>
 *   <li>Defaults and check expressions are equal when their canonical forms are; a default of {@code NULL} is the
 *       same as no default.</li>
 *   <li>On SQLite an identity key of any integer type is the same as the {@code integer} rowid alias it is created
 *       as; and a table's sole {@code integer} primary key is a rowid alias (read back as identity) whether the entity
 *       generates its values or not, so identity is not a difference there. Elsewhere identity is compared.</li>
 *   <li>Comments are compared on PostgreSQL and MariaDB (SQLite keeps none) and only when the target states one: an entity
 *       without a comment does not ask to remove a comment someone put on the database. The same holds for table
 *       comments.</li>
 * </ul>
 */
final class DefinitionComparison {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SPACE_AROUND_PUNCTUATION = Pattern.compile(" ?([(),\\[\\]]) ?");

    private final Dialect dialect;
    /**
     * {@link #typeKey} of each type met so far: a schema has few distinct types and many columns (a no-op diff of a
     * thousand tables compares tens of thousands of columns), and rendering and normalising a spelling is the costly
     * part of a comparison.
     */
    private final Map<ColumnType, String> typeKeys = new ConcurrentHashMap<>();
    private final DdlRenderer renderer;
    private final ExpressionCanonicalizer canonicalizer;

    DefinitionComparison(Dialect dialect, ExpressionCanonicalizer canonicalizer) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.renderer = DdlRenderer.forDialect(dialect);
        this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer");
    }

    Dialect dialect() {
        return dialect;
    }

    /** @param soleKeyColumn {@code target} is its table's only primary-key column */
    boolean sameColumn(Column current, Column target, boolean soleKeyColumn) {
        return sameColumnType(current, target)
                && current.nullable() == target.nullable()
                && sameDefault(current.defaultValue(), target.defaultValue())
                && (current.identity() == target.identity() || isRowidAlias(current, target, soleKeyColumn))
                && (!comparesComment(target) || Objects.equals(current.comment(), target.comment()));
    }

    /**
     * On SQLite a table's sole {@code integer} primary-key column is always an alias of the rowid, which generates keys
     * whether or not the entity asks for identity, and the catalog reads it as identity: a target without identity
     * there is the same column. (A {@code bigint} key is no rowid alias, so identity still matters for it.)
     */
    private boolean isRowidAlias(Column current, Column target, boolean soleKeyColumn) {
        return dialect == Dialect.SQLITE && soleKeyColumn && current.identity() && typeKey(target.type()).equals("integer");
    }

    /**
     * On SQLite an identity key column is created as {@code integer primary key} (a rowid alias: the only way SQLite
     * generates keys), whatever its logical integer type, and reads back as {@code integer}: a {@code Long} identity id
     * is then no type change.
     */
    private boolean sameRowidAlias(Column current, Column target) {
        return dialect == Dialect.SQLITE && current.identity() && target.identity()
                && isIntegral(current.type()) && isIntegral(target.type());
    }

    private static boolean isIntegral(ColumnType type) {
        return type instanceof ColumnType.TinyInt || type instanceof ColumnType.SmallInt
                || type instanceof ColumnType.IntegerType || type instanceof ColumnType.BigInt;
    }

    /**
     * Whether the database's column {@code current} already has the type {@code target} asks for: the same spelling,
     * or on SQLite a rowid alias standing for an identity key of any integer width. A foreign key to a {@code Long}
     * identity id references a column SQLite reports as {@code integer}: that is no change of the referenced
     * column's type, so the key needs no rebuild.
     */
    boolean sameColumnType(Column current, Column target) {
        return sameType(current.type(), target.type()) || sameRowidAlias(current, target);
    }

    /**
     * The definition an {@code AlterColumn} moves to: the target, except for a comment the differ does not compare,
     * which stays as it is (so the alteration does not silently drop it, and its reverse restores exactly).
     */
    Column alteredTo(Column current, Column target) {
        return comparesComment(target) ? target : target.withComment(current.comment());
    }

    boolean sameType(ColumnType a, ColumnType b) {
        return a.equals(b) || typeKey(a).equals(typeKey(b));
    }

    /** The dialect's spelling of {@code type}, lower-cased, whitespace collapsed and removed next to punctuation. */
    String typeKey(ColumnType type) {
        return typeKeys.computeIfAbsent(type, this::spelling);
    }

    private String spelling(ColumnType type) {
        String lowerCase = renderer.typeSql(type).strip().toLowerCase(Locale.ROOT);
        return SPACE_AROUND_PUNCTUATION.matcher(WHITESPACE.matcher(lowerCase).replaceAll(" ")).replaceAll("$1");
    }

    boolean sameDefault(String a, String b) {
        return Objects.equals(defaultKey(a), defaultKey(b));
    }

    private String defaultKey(String expression) {
        if (expression == null || expression.isBlank()) {
            return null;
        }
        String canonical = canonicalizer.canonical(expression);
        return canonical.equalsIgnoreCase("null") ? null : canonical;
    }

    /** The canonical form of a check expression: the key checks are matched by. */
    String expressionKey(String expression) {
        return canonicalizer.canonical(expression);
    }

    /** Whether a table's comment needs no change: same rule as column comments (not SQLite, target states one). */
    boolean sameTableComment(String current, String target) {
        return dialect == Dialect.SQLITE || target == null || target.equals(current);
    }

    private boolean comparesComment(Column target) {
        return dialect != Dialect.SQLITE && target.comment() != null;
    }
}
