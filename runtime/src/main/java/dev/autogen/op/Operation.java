package dev.autogen.op;

/**
 * One schema change. The closed set of these records is the project's single vocabulary: the differ produces them,
 * the emitter writes them as Java, the generated migration rebuilds them through {@link dev.autogen.dsl.SchemaChanges},
 * each dialect renders them to SQL and the interpreter replays them onto a {@link dev.autogen.schema.Schema}.
 * Interpreters switch over this type exhaustively, without a {@code default} branch, so a new operation does not
 * compile until every interpreter handles it.
 */
public sealed interface Operation
        permits CreateTable, DropTable, RenameTable, AddColumn, DropColumn, AlterColumn, RenameColumn,
                CreateIndex, DropIndex, AddPrimaryKey, DropPrimaryKey, AddForeignKey, DropForeignKey,
                AddUniqueConstraint, DropUniqueConstraint, AddCheckConstraint, DropCheckConstraint,
                CreateSequence, DropSequence, AlterSequence, SetRowLevelSecurity, CreatePolicy, DropPolicy, SetComment,
                CreateEnumType, DropEnumType, AlterEnumType, ExecuteSql, ExecuteDialectSql, RunCallback,
                ForEachTenant, Backfill {

    /**
     * The operation that undoes this one.
     *
     * @throws IrreversibleOperationException when this operation does not carry what it would need (a hand-written
     *                                        drop without the previous definition, or raw SQL)
     */
    Operation reverse();
}
