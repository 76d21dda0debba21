package dev.autogen.sql.sqlite;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;

import dev.autogen.migrate.SchemaInterpreter;
import dev.autogen.op.Operation;
import dev.autogen.schema.Column;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.StandardDdl;
import dev.autogen.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What SQLite's {@code ALTER TABLE} cannot do (change a column, drop a column, add or drop a key or constraint), done
 * by rebuilding the table, following sqlite.org's "Making Other Kinds Of Table Schema Changes":
 * <ol>
 *   <li>{@code create table "_autogen_new_t" (...)} with the new definition (the old one with the operation applied
 *       by {@link SchemaInterpreter});</li>
 *   <li>{@code insert into "_autogen_new_t" ("a", "b") select "a", "b" from "t"}: every column present in both
 *       definitions, so every row survives with its values (a NOT NULL column added without a default fails here,
 *       loudly, if the table has rows);</li>
 *   <li>{@code drop table "t"};</li>
 *   <li>{@code alter table "_autogen_new_t" rename to "t"}, between {@code PRAGMA legacy_alter_table=ON} and
 *       {@code =OFF}: otherwise SQLite (3.26 and later) re-checks every view and trigger during the rename and fails on
 *       one that names {@code "t"}, which at that moment does not exist;</li>
 *   <li>{@code create index ...} for each index of the new definition (dropping the table dropped them).</li>
 * </ol>
 *
 * <p>The contract with the migrator: these statements run inside the revision's transaction with
 * {@code PRAGMA foreign_keys=OFF} (set before the transaction begins, since SQLite ignores it inside one), so that
 * dropping the old table neither cascades into nor is refused by the rows that reference it; before committing the
 * migrator runs {@code PRAGMA foreign_key_check} and rolls back if it reports any row; it restores
 * {@code foreign_keys} afterwards. Views that name the table keep working (they name it, and the table is back under
 * that name). Triggers on the table and indexes autogen does not model (on expressions, partial) are dropped with it; the
 * migrator, which has a connection, appends their original {@code CREATE} statements read from {@code sqlite_schema}
 * ({@link SqliteRebuildDependents}). An offline script cannot read them, so it does not recreate them.
 */
final class SqliteTableRebuild {
    static final String NEW_TABLE_PREFIX = "_autogen_new_";
    private static final Pattern RENAME = Pattern.compile(
            "alter table \"" + NEW_TABLE_PREFIX + "((?:[^\"]|\"\")*)\" rename to \"((?:[^\"]|\"\")*)\"");

    private SqliteTableRebuild() {
    }

    /**
     * The table {@code statements} rebuild (the ones {@link #of} returns), or empty when they are not a rebuild: the
     * migrator uses it to recreate what the rebuild drops and autogen does not model (see
     * {@link SqliteRebuildDependents}).
     */
    static Optional<String> rebuiltTable(List<Statement> statements) {
        for (Statement statement : statements) {
            Matcher m = RENAME.matcher(statement.sql());
            if (m.matches() && m.group(1).equals(m.group(2))) {
                return Optional.of(m.group(2).replace("\"\"", "\""));
            }
        }
        return Optional.empty();
    }

    /** The rebuild that performs {@code operation} on {@code table}; empty when SQLite's definition would not change. */
    static List<Statement> of(String table, Operation operation, Schema before) {
        Table oldTable = before.table(table).orElseThrow(() -> new IllegalStateException(
                "SQLite can only perform " + operation.getClass().getSimpleName() + " on table " + table
                        + " by rebuilding it, and the schema before the operation has no table " + table
                        + "; render with the schema the migration has reached (replay earlier operations with"
                        + " SchemaInterpreter)"));
        return between(table, before, SchemaInterpreter.apply(before, operation), operation.getClass().getSimpleName());
    }

    /**
     * The rebuild that turns {@code table} as {@code before} has it into the table {@code after} has; empty when
     * SQLite's definition would not change. {@code what} names the change in the error for a table that is missing.
     */
    static List<Statement> between(String table, Schema before, Schema after, String what) {
        Table oldTable = before.table(table).orElseThrow(() -> new IllegalStateException(
                "SQLite can only perform " + what + " on table " + table + " by rebuilding it, and the schema before"
                        + " has no table " + table));
        Table newTable = after.table(table).orElseThrow();
        if (SqliteDdlTableDefinition.createTable(oldTable, table).equals(SqliteDdlTableDefinition.createTable(newTable, table))
                && oldTable.indexes().equals(newTable.indexes())) {
            return List.of(); // only comments, or distinctions SQLite does not keep, changed
        }
        String temporary = NEW_TABLE_PREFIX + table;
        String copied = newTable.columns().stream().map(Column::name)
                .filter(name -> oldTable.column(name).isPresent())
                .map(DdlRenderer::quoteIdentifier)
                .collect(Collectors.joining(", "));
        List<Statement> statements = new ArrayList<>();
        statements.add(Statement.of(SqliteDdlTableDefinition.createTable(newTable, temporary)));
        if (!copied.isEmpty()) {
            statements.add(Statement.of("insert into " + quoteIdentifier(temporary) + " (" + copied + ") select "
                    + copied + " from " + quoteIdentifier(table)));
        }
        statements.add(Statement.of("drop table " + quoteIdentifier(table)));
        // legacy mode renames the table without re-checking views and triggers that name the dropped table
        statements.add(Statement.of("PRAGMA legacy_alter_table=ON"));
        statements.add(Statement.of(
                "alter table " + quoteIdentifier(temporary) + " rename to " + quoteIdentifier(table)));
        statements.add(Statement.of("PRAGMA legacy_alter_table=OFF"));
        newTable.indexes().forEach(ix -> statements.add(Statement.of(StandardDdl.createIndex(table, ix))));
        return List.copyOf(statements);
    }
}
