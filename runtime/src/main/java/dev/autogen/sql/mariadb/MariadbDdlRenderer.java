package dev.autogen.sql.mariadb;

import static dev.autogen.sql.mariadb.MariadbNames.table;

import dev.autogen.op.AddCheckConstraint;
import dev.autogen.op.AddColumn;
import dev.autogen.op.AddForeignKey;
import dev.autogen.op.AddPrimaryKey;
import dev.autogen.op.AddUniqueConstraint;
import dev.autogen.op.AlterColumn;
import dev.autogen.op.AlterEnumType;
import dev.autogen.op.AlterSequence;
import dev.autogen.op.Backfill;
import dev.autogen.op.CreateEnumType;
import dev.autogen.op.CreateIndex;
import dev.autogen.op.CreatePolicy;
import dev.autogen.op.CreateSequence;
import dev.autogen.op.CreateTable;
import dev.autogen.op.DropCheckConstraint;
import dev.autogen.op.DropColumn;
import dev.autogen.op.DropEnumType;
import dev.autogen.op.DropForeignKey;
import dev.autogen.op.DropIndex;
import dev.autogen.op.DropPolicy;
import dev.autogen.op.DropPrimaryKey;
import dev.autogen.op.DropSequence;
import dev.autogen.op.DropTable;
import dev.autogen.op.DropUniqueConstraint;
import dev.autogen.op.ExecuteDialectSql;
import dev.autogen.op.ExecuteSql;
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.op.RenameTable;
import dev.autogen.op.ForEachTenant;
import dev.autogen.op.RunCallback;
import dev.autogen.op.SetComment;
import dev.autogen.op.SetRowLevelSecurity;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.Schema;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.Statement;
import java.util.List;

/**
 * MariaDB DDL (10.11+). Every statement here commits implicitly on the server; the statements are marked
 * transactional only in that they need no autocommit of their own, and the migrator records each completed statement of a running revision instead (docs/comparison.md, MariaDB). Identifiers
 * are quoted with backticks ({@link MariadbNames}).
 *
 * <p>Where MariaDB differs from the standard spelling: a column change is {@code modify column} with the whole new
 * definition; a foreign key is dropped with {@code drop foreign key} and the index MariaDB made for it (named as the
 * key) with it; a unique constraint is an index and is dropped as one; a primary key is always called
 * {@code PRIMARY}. Row-level security ({@link SetRowLevelSecurity}, {@link CreatePolicy}, {@link DropPolicy}) renders
 * nothing, as on SQLite: MariaDB has none, and the migrator says so once per run. A PostgreSQL named enum type has
 * no object of its own here: its columns are native {@code enum(...)} columns ({@link MariadbEnumColumns}), so creating
 * or dropping the type renders nothing and altering it modifies each of its columns.
 */
public final class MariadbDdlRenderer implements DdlRenderer {
    @Override
    public Dialect dialect() {
        return Dialect.MARIADB;
    }

    @Override
    public String typeSql(ColumnType type) {
        return MariadbTypes.sql(type);
    }

    @Override
    public String quote(String identifier) {
        return MariadbNames.quote(identifier);
    }

    @Override
    public List<Statement> render(Operation operation, Schema before) {
        return switch (operation) {
            case CreateTable op -> MariadbTableDdl.createTable(MariadbEnumColumns.resolve(op.table(), before));
            case DropTable op -> one("drop table " + table(op.name()));
            case RenameTable op -> one("rename table " + table(op.from()) + " to " + table(op.to()));
            case AddColumn op -> one(alter(op.table()) + "add column "
                    + MariadbTableDdl.column(MariadbEnumColumns.resolve(op.column(), before)));
            case DropColumn op -> one(alter(op.table()) + "drop column " + quote(op.name()));
            case AlterColumn op -> one(alter(op.table()) + "modify column "
                    + MariadbTableDdl.column(MariadbEnumColumns.resolve(op.to(), before)));
            case RenameColumn op -> one(alter(op.table()) + "rename column " + quote(op.from()) + " to "
                    + quote(op.to()));
            case CreateIndex op -> one(MariadbTableDdl.createIndex(op.table(), op.index()));
            case DropIndex op -> one("drop index " + quote(op.name()) + " on " + table(op.table()));
            case AddPrimaryKey op -> one(alter(op.table()) + "add " + MariadbTableDdl.primaryKey(op.primaryKey()));
            case DropPrimaryKey op -> one(alter(op.table()) + "drop primary key");
            case AddForeignKey op -> one(alter(op.table()) + "add " + MariadbTableDdl.foreignKey(op.foreignKey()));
            case DropForeignKey op -> one(alter(op.table()) + "drop foreign key " + quote(op.name())
                    + ", drop index if exists " + quote(op.name()));
            case AddUniqueConstraint op -> one(alter(op.table()) + "add " + MariadbTableDdl.unique(op.constraint()));
            case DropUniqueConstraint op -> one(alter(op.table()) + "drop index " + quote(op.name()));
            case AddCheckConstraint op -> one(alter(op.table()) + "add " + MariadbTableDdl.check(op.constraint()));
            case DropCheckConstraint op -> one(alter(op.table()) + "drop constraint " + quote(op.name()));
            case CreateSequence op -> one("create sequence " + table(op.sequence().name()) + " start with "
                    + op.sequence().start() + " increment by " + op.sequence().increment());
            case DropSequence op -> one("drop sequence " + table(op.name()));
            case AlterSequence op -> one("alter sequence " + table(op.name()) + " increment by "
                    + op.sequence().increment() + " start with " + op.sequence().start());
            case SetComment op -> one(alter(op.table()) + "comment "
                    + MariadbTableDdl.literal(op.comment() == null ? "" : op.comment()));
            case SetRowLevelSecurity op -> List.of();
            case CreatePolicy op -> List.of();
            case DropPolicy op -> List.of();
            case CreateEnumType op -> List.of();
            case DropEnumType op -> List.of();
            case AlterEnumType op -> MariadbEnumColumns.alter(op, before).stream()
                    .map(column -> Statement.of(alter(column.table()) + "modify column "
                            + MariadbTableDdl.column(column.column())))
                    .toList();
            case ExecuteSql op -> one(op.sql());
            case ExecuteDialectSql op -> op.sqlFor(Dialect.MARIADB).map(MariadbDdlRenderer::one).orElse(List.of());
            case Backfill op -> one("update " + table(op.table()) + " set " + op.set()
                    + (op.where() == null ? "" : " where " + op.where()));
            case RunCallback op -> throw new IllegalArgumentException("a Java callback (" + op.description()
                    + ") is not SQL: the migrator runs it on its connection; offline scripts leave it out");
            case ForEachTenant op -> throw new IllegalArgumentException("a tenant step (" + op.step().description()
                    + ") is not one script: the migrator runs it once per tenant; offline scripts leave it out");
        };
    }

    private static String alter(String tableName) {
        return "alter table " + table(tableName) + " ";
    }

    private static List<Statement> one(String sql) {
        return List.of(Statement.of(sql));
    }
}
