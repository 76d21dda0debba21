package dev.autogen.sql.postgres;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;
import static dev.autogen.sql.DdlRenderer.quoteTable;
import static dev.autogen.sql.postgres.PostgresTableDdl.addConstraint;
import static dev.autogen.sql.postgres.PostgresTableDdl.dropConstraint;

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
import dev.autogen.op.ForEachTenant;
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.op.RenameTable;
import dev.autogen.op.RunCallback;
import dev.autogen.op.SetComment;
import dev.autogen.op.SetRowLevelSecurity;
import dev.autogen.schema.ConstraintNames;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.QualifiedName;
import dev.autogen.sql.StandardDdl;
import dev.autogen.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The online form of an operation on PostgreSQL: the same end state as {@link PostgresDdlRenderer}'s plain statements,
 * reached in steps that each hold a strong lock only briefly, so that the application's reads and writes wait at most
 * one {@code lock_timeout}. The migrator runs each step in its own transaction (or in autocommit, for the
 * {@code CONCURRENTLY} ones) and records it, so that a run stopped half-way continues with the next step.
 *
 * <ul>
 *   <li>foreign key and check: {@code ADD ... NOT VALID} (a brief lock, no scan), then {@code VALIDATE CONSTRAINT},
 *       which scans under SHARE UPDATE EXCLUSIVE and lets writes through;</li>
 *   <li>{@code SET NOT NULL}: a temporary {@code CHECK (c IS NOT NULL) NOT VALID}, validated, then {@code SET NOT
 *       NULL}, which PostgreSQL 12+ proves from the validated check without a scan, and the check dropped;</li>
 *   <li>unique constraint, primary key: {@code CREATE UNIQUE INDEX CONCURRENTLY}, then {@code ADD CONSTRAINT ... USING
 *       INDEX} (a primary key on nullable columns still sets them NOT NULL, which scans);</li>
 *   <li>index: {@code CREATE INDEX CONCURRENTLY}.</li>
 * </ul>
 * Every other operation has no online form (empty), and runs as usual.
 */
public final class PostgresOnlineDdl {
    private PostgresOnlineDdl() {
    }

    /** Whether {@code operation} has an online form. */
    public static boolean supports(Operation operation) {
        return steps(operation).isPresent();
    }

    /** The online steps of {@code operation}, in order, one statement each; empty when it has no online form. */
    public static Optional<List<Statement>> steps(Operation operation) {
        return switch (operation) {
            case AddForeignKey op -> Optional.of(notValidThenValidate(op.table(), op.foreignKey().name(),
                    StandardDdl.foreignKey(op.foreignKey())));
            case AddCheckConstraint op -> Optional.of(notValidThenValidate(op.table(), op.constraint().name(),
                    StandardDdl.check(op.constraint())));
            case AlterColumn op -> op.from().nullable() && !op.to().nullable() ? Optional.of(setNotNull(op))
                    : Optional.empty();
            case AddUniqueConstraint op -> Optional.of(throughIndex(op.table(), op.constraint().name(),
                    op.constraint().columns(), "unique"));
            case AddPrimaryKey op -> Optional.of(throughIndex(op.table(), op.primaryKey().name() == null
                    ? QualifiedName.local(op.table()) + "_pkey" : op.primaryKey().name(),
                    op.primaryKey().columns(), "primary key"));
            case CreateIndex op -> Optional.of(List.of(concurrently(op.table(), op.index())));
            case CreateTable op -> Optional.empty();
            case DropTable op -> Optional.empty();
            case RenameTable op -> Optional.empty();
            case AddColumn op -> Optional.empty();
            case DropColumn op -> Optional.empty();
            case RenameColumn op -> Optional.empty();
            case DropIndex op -> Optional.empty();
            case DropPrimaryKey op -> Optional.empty();
            case DropForeignKey op -> Optional.empty();
            case DropUniqueConstraint op -> Optional.empty();
            case DropCheckConstraint op -> Optional.empty();
            case CreateSequence op -> Optional.empty();
            case DropSequence op -> Optional.empty();
            case AlterSequence op -> Optional.empty();
            case SetRowLevelSecurity op -> Optional.empty();
            case SetComment op -> Optional.empty();
            case CreatePolicy op -> Optional.empty();
            case DropPolicy op -> Optional.empty();
            case CreateEnumType op -> Optional.empty();
            case DropEnumType op -> Optional.empty();
            case AlterEnumType op -> Optional.empty();
            case ExecuteSql op -> Optional.empty();
            case ExecuteDialectSql op -> Optional.empty();
            case RunCallback op -> Optional.empty();
            case ForEachTenant op -> Optional.empty();
            case Backfill op -> Optional.empty();
        };
    }

    /** The name of the temporary check an online {@code SET NOT NULL} of {@code table.column} goes through. */
    public static String notNullCheckName(String table, String column) {
        return ConstraintNames.fit("ck_" + QualifiedName.local(table) + "_" + column + "_not_null");
    }

    private static List<Statement> notValidThenValidate(String table, String name, String constraint) {
        return List.of(Statement.of(addConstraint(table, constraint) + " not valid"),
                Statement.of(validate(table, name)));
    }

    /** The column's other changes as plain statements, with {@code set not null} replaced by the four steps. */
    private static List<Statement> setNotNull(AlterColumn op) {
        String column = quoteIdentifier(op.name());
        String check = notNullCheckName(op.table(), op.name());
        String setNotNull = "alter table " + quoteTable(op.table()) + " alter column " + column + " set not null";
        List<Statement> statements = new ArrayList<>();
        for (Statement plain : PostgresTableDdl.alterColumn(op.table(), op.name(), op.from(), op.to())) {
            if (!plain.sql().equals(setNotNull)) {
                statements.add(plain);
                continue;
            }
            statements.add(Statement.of(addConstraint(op.table(), "constraint " + quoteIdentifier(check) + " check ("
                    + column + " is not null) not valid")));
            statements.add(Statement.of(validate(op.table(), check)));
            statements.add(plain);
            statements.add(Statement.of(dropConstraint(op.table(), check)));
        }
        return List.copyOf(statements);
    }

    private static List<Statement> throughIndex(String table, String name, List<String> columns, String kind) {
        Index index = new Index(name, columns.stream().map(c -> new IndexColumn(c, false)).toList(), true);
        return List.of(concurrently(table, index), Statement.of(addConstraint(table, "constraint "
                + quoteIdentifier(name) + " " + kind + " using index " + quoteIdentifier(name))));
    }

    private static Statement concurrently(String table, Index index) {
        String plain = StandardDdl.createIndex(table, index);
        String prefix = index.unique() ? "create unique index " : "create index ";
        return new Statement(prefix + "concurrently " + plain.substring(prefix.length()), false);
    }

    private static String validate(String table, String constraint) {
        return "alter table " + quoteTable(table) + " validate constraint " + quoteIdentifier(constraint);
    }
}
