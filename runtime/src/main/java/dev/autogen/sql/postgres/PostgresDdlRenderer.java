package dev.autogen.sql.postgres;

import static dev.autogen.sql.postgres.PostgresTableDdl.addConstraint;
import static dev.autogen.sql.postgres.PostgresTableDdl.dropConstraint;
import static dev.autogen.sql.DdlRenderer.quoteTable;

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
import dev.autogen.schema.QualifiedName;
import dev.autogen.schema.Schema;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.StandardDdl;
import dev.autogen.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL DDL. PostgreSQL's {@code ALTER TABLE} can do every operation in place, so each operation is one or a
 * few statements, all transactional (the migrator runs a revision in one transaction); {@code before} is not needed.
 * Raw SQL that PostgreSQL refuses inside a transaction ({@code CREATE INDEX CONCURRENTLY}, ...; see
 * {@link PostgresNonTransactional}) is marked non-transactional, and the migrator runs it in autocommit.
 * Identifiers are always quoted, so names keep their case and reserved words are safe.
 *
 * <p>A primary key created without a name gets PostgreSQL's default name {@code <table>_pkey}; dropping such a key
 * therefore names that constraint.
 */
public final class PostgresDdlRenderer implements DdlRenderer {
    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public String typeSql(ColumnType type) {
        return PostgresTypes.sql(type);
    }

    @Override
    public List<Statement> render(Operation operation, Schema before) {
        return switch (operation) {
            case CreateTable op -> PostgresTableDdl.createTable(op.table());
            case DropTable op -> one("drop table " + quoteTable(op.name()));
            case RenameTable op -> PostgresTableDdl.renameTable(op.from(), op.to());
            case AddColumn op -> {
                List<Statement> statements = new ArrayList<>();
                statements.add(Statement.of("alter table " + quoteTable(op.table()) + " add column "
                        + PostgresTableDdl.column(op.column())));
                if (op.column().comment() != null) {
                    statements.add(PostgresTableDdl.columnComment(op.table(), op.column().name(), op.column().comment()));
                }
                yield List.copyOf(statements);
            }
            case DropColumn op -> one("alter table " + quoteTable(op.table()) + " drop column " + quote(op.name()));
            case AlterColumn op -> List.copyOf(PostgresTableDdl.alterColumn(op.table(), op.name(), op.from(), op.to()));
            case RenameColumn op -> one("alter table " + quoteTable(op.table()) + " rename column " + quote(op.from())
                    + " to " + quote(op.to()));
            case CreateIndex op -> one(StandardDdl.createIndex(op.table(), op.index()));
            case DropIndex op -> one("drop index " + QualifiedName.parse(op.table()).sibling(op.name()).sql());
            case AddPrimaryKey op -> one(addConstraint(op.table(), StandardDdl.primaryKey(op.primaryKey())));
            case DropPrimaryKey op -> one(dropConstraint(op.table(),
                    op.previous().name() == null ? QualifiedName.local(op.table()) + "_pkey" : op.previous().name()));
            case AddForeignKey op -> one(addConstraint(op.table(), StandardDdl.foreignKey(op.foreignKey())));
            case DropForeignKey op -> one(dropConstraint(op.table(), op.name()));
            case AddUniqueConstraint op -> one(addConstraint(op.table(), StandardDdl.unique(op.constraint())));
            case DropUniqueConstraint op -> one(dropConstraint(op.table(), op.name()));
            case AddCheckConstraint op -> one(addConstraint(op.table(), StandardDdl.check(op.constraint())));
            case DropCheckConstraint op -> one(dropConstraint(op.table(), op.name()));
            case CreateSequence op -> PostgresTableDdl.inSchema(op.sequence().name(), "create sequence "
                    + quoteTable(op.sequence().name()) + " start with " + op.sequence().start() + " increment by "
                    + op.sequence().increment());
            case DropSequence op -> one("drop sequence " + quoteTable(op.name()));
            case AlterSequence op -> one(alterSequence(op));
            case SetRowLevelSecurity op -> one(PostgresRowSecurityDdl.set(op.table(), op.state()));
            case SetComment op -> List.of(PostgresTableDdl.tableComment(op.table(), op.comment()));
            case CreatePolicy op -> one(PostgresRowSecurityDdl.createPolicy(op.table(), op.policy()));
            case DropPolicy op -> one("drop policy " + quote(op.name()) + " on " + quoteTable(op.table()));
            case CreateEnumType op -> one(PostgresEnumDdl.create(op.enumType()));
            case DropEnumType op -> one(PostgresEnumDdl.drop(op.name()));
            case AlterEnumType op -> PostgresEnumDdl.alter(op);
            case ExecuteSql op -> List.of(new Statement(op.sql(), !PostgresNonTransactional.appliesTo(op.sql())));
            case ExecuteDialectSql op -> op.sqlFor(Dialect.POSTGRESQL)
                    .map(sql -> List.of(new Statement(sql, !PostgresNonTransactional.appliesTo(sql)))).orElse(List.of());
            case Backfill op -> one(StandardDdl.backfillUpdate(op));
            case RunCallback op -> throw new IllegalArgumentException("a Java callback (" + op.description()
                    + ") is not SQL: the migrator runs it on its connection; offline scripts leave it out");
            case ForEachTenant op -> throw new IllegalArgumentException("a tenant step (" + op.step().description()
                    + ") is not one script: the migrator runs it once per tenant; offline scripts leave it out");
        };
    }

    /**
     * Only the clauses that change ({@code start with} sets the recorded start, never the current value; a restart
     * would hand out ids already in use).
     */
    private String alterSequence(AlterSequence op) {
        var sql = new StringBuilder("alter sequence ").append(quoteTable(op.name()));
        boolean both = op.sequence().equals(op.previous());
        if (both || op.sequence().increment() != op.previous().increment()) {
            sql.append(" increment by ").append(op.sequence().increment());
        }
        if (both || op.sequence().start() != op.previous().start()) {
            sql.append(" start with ").append(op.sequence().start());
        }
        return sql.toString();
    }

    private static List<Statement> one(String sql) {
        return List.of(Statement.of(sql));
    }
}
