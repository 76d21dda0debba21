package dev.autogen.sql;

import dev.autogen.op.Operation;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.Schema;
import java.util.List;

/**
 * Turns operations into one dialect's SQL. Implementations switch exhaustively over {@link Operation}.
 */
public interface DdlRenderer {

    Dialect dialect();

    /** How this dialect spells a logical type (also the form in which the differ compares types). */
    String typeSql(ColumnType type);

    /**
     * The statements that perform {@code operation}.
     *
     * @param before the schema just before the operation; SQLite needs the affected table's full definition to
     *               rebuild it for what {@code ALTER TABLE} cannot do. PostgreSQL ignores it.
     */
    List<Statement> render(Operation operation, Schema before);

    /** Quotes an identifier for this dialect (always quoted, so reserved words and mixed case are safe). */
    default String quote(String identifier) {
        return quoteIdentifier(identifier);
    }

    /**
     * {@code "identifier"} with inner double quotes doubled: the one quoting of identifiers in autogen's SQL (both
     * dialects accept the standard form), for code that has no renderer at hand.
     */
    static String quoteIdentifier(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /**
     * A table's or sequence's name for SQL: {@code "name"}, or {@code "schema"."name"} for a name qualified as
     * {@link dev.autogen.schema.QualifiedName} describes.
     */
    static String quoteTable(String qualifiedName) {
        return dev.autogen.schema.QualifiedName.parse(qualifiedName).sql();
    }

    static DdlRenderer forDialect(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> new dev.autogen.sql.postgres.PostgresDdlRenderer();
            case SQLITE -> new dev.autogen.sql.sqlite.SqliteDdlRenderer();
            case MARIADB -> new dev.autogen.sql.mariadb.MariadbDdlRenderer();
        };
    }
}
