package dev.autogen.sql.sqlite;

import dev.autogen.op.AddCheckConstraint;
import dev.autogen.op.Backfill;
import dev.autogen.op.AddColumn;
import dev.autogen.op.AddForeignKey;
import dev.autogen.op.AddPrimaryKey;
import dev.autogen.op.AddUniqueConstraint;
import dev.autogen.op.AlterColumn;
import dev.autogen.op.AlterEnumType;
import dev.autogen.op.AlterSequence;
import dev.autogen.op.CreateEnumType;
import dev.autogen.op.DropEnumType;
import dev.autogen.op.CreateIndex;
import dev.autogen.op.CreatePolicy;
import dev.autogen.op.CreateSequence;
import dev.autogen.op.CreateTable;
import dev.autogen.op.DropCheckConstraint;
import dev.autogen.op.DropColumn;
import dev.autogen.op.DropForeignKey;
import dev.autogen.op.DropIndex;
import dev.autogen.op.DropPolicy;
import dev.autogen.op.DropPrimaryKey;
import dev.autogen.op.DropSequence;
import dev.autogen.op.DropTable;
import dev.autogen.op.DropUniqueConstraint;
import dev.autogen.op.ExecuteDialectSql;
import dev.autogen.op.ExecuteSql;
import dev.autogen.op.ForEachTenant;
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.op.RenameTable;
import dev.autogen.op.RunCallback;
import dev.autogen.op.SetComment;
import dev.autogen.op.SetRowLevelSecurity;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.Schema;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.StandardDdl;
import dev.autogen.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite DDL. What {@code ALTER TABLE} can do (rename a table or column, add a simple column) and index changes are
 * done directly; everything else (change or drop a column, add or drop a primary key, foreign key, unique or check
 * constraint) by a table rebuild computed from the table's definition in {@code before} (an
 * {@link IllegalStateException} when {@code before} lacks the table), following sqlite.org's "Making Other Kinds Of
 * Table Schema Changes":
 * <pre>
 * create table "_autogen_new_t" (...new definition...)
 * insert into "_autogen_new_t" ("a", "b") select "a", "b" from "t"     -- the columns in both definitions
 * drop table "t"
 * PRAGMA legacy_alter_table=ON                                          -- views naming "t" survive the rename
 * alter table "_autogen_new_t" rename to "t"
 * PRAGMA legacy_alter_table=OFF
 * create index ... on "t" (...)                                        -- each index of the new definition
 * </pre>
 * When SQLite's spelling of the table would not change (a comment, {@code real} vs {@code double precision}, a
 * timestamp precision), nothing is rendered.
 *
 * <p>The contract with the migrator: these statements are all transactional and run inside the revision's
 * transaction with {@code PRAGMA foreign_keys=OFF} set before it begins (SQLite ignores the pragma inside a
 * transaction), so that dropping the old table neither cascades nor is refused; the migrator runs
 * {@code PRAGMA foreign_key_check} before committing (rolling back if it reports a row) and restores
 * {@code foreign_keys} afterwards. Triggers and unmodelled indexes are not in the {@link Schema}, so the renderer
 * cannot recreate them; the migrator adds them from the live database ({@link SqliteRebuildDependents}).
 *
 * <p>An identity column that is the table's sole primary-key column is written {@code "id" integer primary key} (a
 * rowid alias, whatever its logical integer type); other identity columns are plain columns.
 *
 * <p>Sequences are PostgreSQL-only: {@link CreateSequence}, {@link AlterSequence} and {@link DropSequence} render
 * nothing (Hibernate emulates
 * sequences with tables on SQLite, and those appear in the model as ordinary tables). Row-level security
 * ({@link SetRowLevelSecurity}, {@link CreatePolicy}, {@link DropPolicy}) renders nothing either: SQLite has none, and
 * the migrator says so once per run. Comments are not rendered ({@link SetComment} renders nothing):
 * SQLite has none.
 */
public final class SqliteDdlRenderer implements DdlRenderer {
    /**
     * True when SQLite's {@code ALTER TABLE ADD COLUMN} can add {@code column} in place; false when this renderer
     * rebuilds the table for it (a NOT NULL column without a constant default, a non-constant default).
     */
    public static boolean addsColumnInPlace(dev.autogen.schema.Column column) {
        return SqliteDdlTableDefinition.addableInPlace(column);
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public String typeSql(ColumnType type) {
        return SqliteTypes.sql(type);
    }

    @Override
    public List<Statement> render(Operation operation, Schema before) {
        return switch (operation) {
            case CreateTable op -> {
                List<Statement> statements = new ArrayList<>();
                statements.add(Statement.of(SqliteDdlTableDefinition.createTable(op.table(), op.table().name())));
                op.table().indexes().forEach(ix -> statements.add(
                        Statement.of(StandardDdl.createIndex(op.table().name(), ix))));
                yield List.copyOf(statements);
            }
            case DropTable op -> one("drop table " + quote(op.name()));
            case RenameTable op -> one("alter table " + quote(op.from()) + " rename to " + quote(op.to()));
            case AddColumn op -> SqliteDdlTableDefinition.addableInPlace(op.column())
                    ? one("alter table " + quote(op.table()) + " add column " + SqliteDdlTableDefinition.column(op.column()))
                    : SqliteTableRebuild.of(op.table(), op, before);
            case DropColumn op -> SqliteTableRebuild.of(op.table(), op, before);
            case AlterColumn op -> SqliteTableRebuild.of(op.table(), op, before);
            case RenameColumn op -> one("alter table " + quote(op.table()) + " rename column " + quote(op.from())
                    + " to " + quote(op.to()));
            case CreateIndex op -> one(StandardDdl.createIndex(op.table(), op.index()));
            case DropIndex op -> one("drop index " + quote(op.name()));
            case AddPrimaryKey op -> SqliteTableRebuild.of(op.table(), op, before);
            case DropPrimaryKey op -> SqliteTableRebuild.of(op.table(), op, before);
            case AddForeignKey op -> SqliteTableRebuild.of(op.table(), op, before);
            case DropForeignKey op -> SqliteTableRebuild.of(op.table(), op, before);
            case AddUniqueConstraint op -> SqliteTableRebuild.of(op.table(), op, before);
            case DropUniqueConstraint op -> SqliteTableRebuild.of(op.table(), op, before);
            case AddCheckConstraint op -> SqliteTableRebuild.of(op.table(), op, before);
            case DropCheckConstraint op -> SqliteTableRebuild.of(op.table(), op, before);
            case CreateSequence op -> List.of();
            case DropSequence op -> List.of();
            case AlterSequence op -> List.of();
            case SetRowLevelSecurity op -> List.of();
            case SetComment op -> List.of();
            case CreatePolicy op -> List.of();
            case DropPolicy op -> List.of();
            case CreateEnumType op -> List.of();
            case DropEnumType op -> List.of();
            case AlterEnumType op -> List.of();
            case ExecuteSql op -> one(op.sql());
            case ExecuteDialectSql op -> op.sqlFor(Dialect.SQLITE).map(sql -> one(sql)).orElse(List.of());
            case Backfill op -> one(StandardDdl.backfillUpdate(op));
            case RunCallback op -> throw new IllegalArgumentException("a Java callback (" + op.description()
                    + ") is not SQL: the migrator runs it on its connection; offline scripts leave it out");
            case ForEachTenant op -> throw new IllegalArgumentException("a tenant step (" + op.step().description()
                    + ") is not one script: the migrator runs it; offline scripts leave it out");
        };
    }

    private static List<Statement> one(String sql) {
        return List.of(Statement.of(sql));
    }
}
