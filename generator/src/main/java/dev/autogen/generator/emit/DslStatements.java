package dev.autogen.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.autogen.dsl.PolicySpec;
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
import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.Policy;
import dev.autogen.schema.PolicyCommand;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.RowLevelSecurity;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import dev.autogen.sql.Dialect;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes each {@link Operation} as the one {@code schema.…(…)} call of the migration DSL that records exactly that
 * operation again, so that running a generated migration rebuilds the plan it was generated from.
 *
 * <p>One instance serves one file: it remembers whether the code used the {@code Dsl} factories or a
 * {@link ReferentialAction}, so that the file imports only what it uses.
 */
final class DslStatements {
    private static final ClassName EXECUTE_SQL = ClassName.get(ExecuteSql.class);
    private static final ClassName ROW_SECURITY = ClassName.get(RowLevelSecurity.class);
    private static final ClassName POLICY_SPEC = ClassName.get(PolicySpec.class);
    private static final ClassName POLICY_COMMAND = ClassName.get(PolicyCommand.class);
    private static final ClassName NUMERIC = ClassName.get(ColumnType.Numeric.class);

    private boolean usesDsl;
    private boolean usesReferentialAction;

    boolean usesDsl() {
        return usesDsl;
    }

    boolean usesReferentialAction() {
        return usesReferentialAction;
    }

    /** The statement (without its semicolon) that records {@code operation} on a {@code SchemaChanges schema}. */
    CodeBlock statement(Operation operation) {
        return switch (operation) {
            case CreateTable(Table table) -> CodeBlock.of("schema.createTable($L)", table(table));
            case DropTable(String name, Table previous) when previous == null -> CodeBlock.of("schema.dropTable($S)", name);
            case DropTable(String name, Table previous) -> {
                requireSameName("table", name, previous.name());
                yield CodeBlock.of("schema.dropTable($L)", table(previous));
            }
            case RenameTable(String from, String to) -> CodeBlock.of("schema.renameTable($S, $S)", from, to);
            case AddColumn(String table, Column column) -> CodeBlock.of("schema.addColumn($S, $L)", table, column(column));
            case DropColumn(String table, String name, Column previous) when previous == null ->
                    CodeBlock.of("schema.dropColumn($S, $S)", table, name);
            case DropColumn(String table, String name, Column previous) -> {
                requireSameName("column", name, previous.name());
                yield CodeBlock.of("schema.dropColumn($S, $L)", table, column(previous));
            }
            case AlterColumn(String table, String name, Column from, Column to) -> {
                requireSameName("column", name, from.name());
                requireSameName("column", name, to.name());
                yield CodeBlock.of("schema.alterColumn($S, $L, $L)", table, column(from), column(to));
            }
            case RenameColumn(String table, String from, String to) ->
                    CodeBlock.of("schema.renameColumn($S, $S, $S)", table, from, to);
            case CreateIndex(String table, Index index) -> CodeBlock.of("schema.$L($S, $S, $L)",
                    index.unique() ? "createUniqueIndex" : "createIndex", index.name(), table, indexColumns(index));
            case DropIndex(String table, String name, Index previous) when previous == null ->
                    CodeBlock.of("schema.dropIndex($S, $S)", name, table);
            case DropIndex(String table, String name, Index previous) -> {
                requireSameName("index", name, previous.name());
                yield CodeBlock.of("schema.$L($S, $S, $L)", previous.unique() ? "dropUniqueIndex" : "dropIndex",
                        name, table, indexColumns(previous));
            }
            case AddPrimaryKey(String table, var key) ->
                    CodeBlock.of("schema.addPrimaryKey($S, $S, $L)", table, key.name(), strings(key.columns()));
            case DropPrimaryKey(String table, var previous) ->
                    CodeBlock.of("schema.dropPrimaryKey($S, $S, $L)", table, previous.name(), strings(previous.columns()));
            case AddForeignKey(String table, ForeignKey key) ->
                    CodeBlock.of("schema.addForeignKey($S, $L)", table, foreignKey(key));
            case DropForeignKey(String table, String name, ForeignKey previous) when previous == null ->
                    CodeBlock.of("schema.dropForeignKey($S, $S)", table, name);
            case DropForeignKey(String table, String name, ForeignKey previous) -> {
                requireSameName("foreign key", name, previous.name());
                yield CodeBlock.of("schema.dropForeignKey($S, $L)", table, foreignKey(previous));
            }
            case AddUniqueConstraint(String table, UniqueConstraint unique) -> CodeBlock.of(
                    "schema.addUniqueConstraint($S, $S, $L)", table, unique.name(), strings(unique.columns()));
            case DropUniqueConstraint(String table, String name, UniqueConstraint previous) when previous == null ->
                    CodeBlock.of("schema.dropUniqueConstraint($S, $S)", table, name);
            case DropUniqueConstraint(String table, String name, UniqueConstraint previous) -> {
                requireSameName("unique constraint", name, previous.name());
                yield CodeBlock.of("schema.dropUniqueConstraint($S, $S, $L)", table, name, strings(previous.columns()));
            }
            case AddCheckConstraint(String table, CheckConstraint check) ->
                    CodeBlock.of("schema.addCheckConstraint($S, $S, $S)", table, check.name(), check.expression());
            case DropCheckConstraint(String table, String name, CheckConstraint previous) when previous == null ->
                    CodeBlock.of("schema.dropCheckConstraint($S, $S)", table, name);
            case DropCheckConstraint(String table, String name, CheckConstraint previous) -> {
                requireSameName("check constraint", name, previous.name());
                yield CodeBlock.of("schema.dropCheckConstraint($S, $S, $S)", table, name, previous.expression());
            }
            case CreateSequence(var sequence) -> CodeBlock.of("schema.createSequence($S, $L, $L)",
                    sequence.name(), longLiteral(sequence.start()), longLiteral(sequence.increment()));
            case DropSequence(String name, var previous) when previous == null ->
                    CodeBlock.of("schema.dropSequence($S)", name);
            case DropSequence(String name, var previous) -> {
                requireSameName("sequence", name, previous.name());
                yield CodeBlock.of("schema.dropSequence($S, $L, $L)",
                        name, longLiteral(previous.start()), longLiteral(previous.increment()));
            }
            case AlterSequence(var sequence, var previous) -> CodeBlock.of("schema.alterSequence($S, $L, $L, $L, $L)",
                    sequence.name(), longLiteral(sequence.start()), longLiteral(sequence.increment()),
                    longLiteral(previous.start()), longLiteral(previous.increment()));
            case SetRowLevelSecurity(String table, var state, var previous) when previous == null ->
                    state.enabled() ? CodeBlock.of("schema.enableRowLevelSecurity($S, $L)", table, state.forced())
                            : CodeBlock.of("schema.disableRowLevelSecurity($S)", table);
            case SetRowLevelSecurity(String table, var state, var previous) -> CodeBlock.of(
                    "schema.setRowLevelSecurity($S, $L, $L)", table, rowSecurity(state), rowSecurity(previous));
            case SetComment(String table, String comment, String previous) ->
                    CodeBlock.of("schema.setComment($S, $S, $S)", table, comment, previous);
            case CreatePolicy(String table, Policy policy) ->
                    CodeBlock.of("schema.createPolicy($S, $L)", table, policy(policy));
            case DropPolicy(String table, String name, Policy previous) when previous == null ->
                    CodeBlock.of("schema.dropPolicy($S, $S)", table, name);
            case DropPolicy(String table, String name, Policy previous) -> {
                requireSameName("policy", name, previous.name());
                yield CodeBlock.of("schema.dropPolicy($S, $L)", table, policy(previous));
            }
            case CreateEnumType(var type) -> CodeBlock.of("schema.createEnumType($S, $L)", type.name(),
                    stringList(type.values()));
            case DropEnumType(String name, var previous) when previous == null ->
                    CodeBlock.of("schema.dropEnumType($S)", name);
            case DropEnumType(String name, var previous) -> {
                requireSameName("enum type", name, previous.name());
                yield CodeBlock.of("schema.dropEnumType($S, $L)", name, stringList(previous.values()));
            }
            case AlterEnumType(var type, var previous) -> CodeBlock.of("schema.alterEnumType($S, $L, $L)",
                    type.name(), stringList(type.values()), stringList(previous.values()));
            case ExecuteSql(String sql, String reverseSql) when reverseSql == null ->
                    CodeBlock.of("schema.execute($S)", sql);
            // the DSL's execute(sql) is irreversible by design; a reversible statement is recorded as it is
            case ExecuteSql(String sql, String reverseSql) ->
                    CodeBlock.of("schema.apply(new $T($S, $S))", EXECUTE_SQL, sql, reverseSql);
            case ExecuteDialectSql(var sql, var reverseSql) when reverseSql == null ->
                    CodeBlock.of("schema.execute($L)", dialectSql(sql));
            case ExecuteDialectSql(var sql, var reverseSql) ->
                    CodeBlock.of("schema.execute($L, $L)", dialectSql(sql), dialectSql(reverseSql));
            case Backfill(String table, String set, String where, int batchSize) -> CodeBlock.builder()
                    .add("schema.backfill($S, $S)", table, set)
                    .add(where == null ? CodeBlock.of("") : CodeBlock.of(".where($S)", where))
                    .add(batchSize == Backfill.DEFAULT_BATCH_SIZE ? CodeBlock.of("") : CodeBlock.of(".batchSize($L)",
                            batchSize))
                    .build();
            case RunCallback(String description, var callback) -> throw new IllegalArgumentException(
                    "cannot write the Java callback '" + description + "' as code: callbacks are hand-written only"
                            + " — the plan must not contain one");
            case ForEachTenant(var tenants, var step) -> throw new IllegalArgumentException(
                    "cannot write the tenant step '" + step.description() + "' as code: tenant steps are hand-written"
                            + " only — the plan must not contain one");
        };
    }

    /** {@code RowLevelSecurity.NONE} or {@code new RowLevelSecurity(true, true)}. */
    private static CodeBlock rowSecurity(RowLevelSecurity state) {
        return state.equals(RowLevelSecurity.NONE) ? CodeBlock.of("$T.NONE", ROW_SECURITY)
                : CodeBlock.of("new $T($L, $L)", ROW_SECURITY, state.enabled(), state.forced());
    }

    /** {@code PolicySpec.policy("name").forCommand(…).to(…).using("…").withCheck("…")}, defaults left out. */
    private static CodeBlock policy(Policy policy) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.policy($S)", POLICY_SPEC, policy.name());
        if (policy.command() != PolicyCommand.ALL) {
            code.add(".forCommand($T.$L)", POLICY_COMMAND, policy.command().name());
        }
        if (!policy.roles().equals(List.of(Policy.PUBLIC))) {
            code.add(".to($L)", strings(policy.roles()));
        }
        if (policy.restrictive()) {
            code.add(".restrictive()");
        }
        if (policy.using() != null) {
            code.add("\n.using($S)", policy.using());
        }
        if (policy.withCheck() != null) {
            code.add("\n.withCheck($S)", policy.withCheck());
        }
        return code.build();
    }

    /** {@code sql().postgres("...").sqlite("...")}, in dialect order. */
    private CodeBlock dialectSql(Map<Dialect, String> variants) {
        usesDsl = true;
        CodeBlock.Builder code = CodeBlock.builder().add("sql()");
        variants.forEach((dialect, text) -> code.add(".$L($S)", ExecuteDialectSql.dslMethod(dialect), text));
        return code.build();
    }

    /** {@code table("users")} followed by one chained call per line, in the order a {@code CREATE TABLE} reads. */
    private CodeBlock table(Table table) {
        if (!table.equals(table.withoutRowLevelSecurity())) {
            throw new IllegalArgumentException("table " + table.name() + " carries row-level security: the plan must"
                    + " set it and its policies with their own operations");
        }
        usesDsl = true;
        CodeBlock.Builder code = CodeBlock.builder().add("table($S)", table.name());
        for (Column column : table.columns()) {
            code.add("\n.column($L)", column(column));
        }
        if (table.primaryKey() != null) {
            code.add("\n.primaryKey($S, $L)", table.primaryKey().name(), strings(table.primaryKey().columns()));
        }
        for (UniqueConstraint unique : table.uniqueConstraints()) {
            code.add("\n.unique($S, $L)", unique.name(), strings(unique.columns()));
        }
        for (ForeignKey key : table.foreignKeys()) {
            code.add("\n.foreignKey($L)", foreignKey(key));
        }
        for (CheckConstraint check : table.checks()) {
            code.add("\n.check($S, $S)", check.name(), check.expression());
        }
        for (Index index : table.indexes()) {
            code.add("\n.index(index($S, $L)$L)", index.name(), indexColumns(index), index.unique() ? ".unique()" : "");
        }
        if (table.comment() != null) {
            code.add("\n.comment($S)", table.comment());
        }
        return code.build();
    }

    /** {@code column("phone", varchar(20)).nullable().defaultValue("'x'").identity().comment("…")}. */
    private CodeBlock column(Column column) {
        usesDsl = true;
        CodeBlock.Builder code = CodeBlock.builder().add("column($S, $L)", column.name(), type(column.type()));
        if (column.nullable()) {
            code.add(".nullable()");
        }
        if (column.defaultValue() != null) {
            code.add(".defaultValue($S)", column.defaultValue());
        }
        if (column.identity()) {
            code.add(".identity()");
        }
        if (column.comment() != null) {
            code.add(".comment($S)", column.comment());
        }
        return code.build();
    }

    private CodeBlock foreignKey(ForeignKey key) {
        usesDsl = true;
        CodeBlock.Builder code = CodeBlock.builder().add("foreignKey($S, $L).references($S, $L)",
                key.name(), strings(key.columns()), key.referencedTable(), strings(key.referencedColumns()));
        if (key.onDelete() != ReferentialAction.NO_ACTION) {
            usesReferentialAction = true;
            code.add(".onDelete($L)", key.onDelete().name());
        }
        return code.build();
    }

    /** The {@code Dsl} factory that builds {@code type}; (the DSL has one for every type a plan can hold). */
    private static CodeBlock type(ColumnType type) {
        return switch (type) {
            case ColumnType.Varchar(int length) -> CodeBlock.of("varchar($L)", length);
            case ColumnType.Char(int length) -> CodeBlock.of("character($L)", length);
            case ColumnType.Text() -> CodeBlock.of("text()");
            case ColumnType.TinyInt() -> CodeBlock.of("tinyint()");
            case ColumnType.SmallInt() -> CodeBlock.of("smallint()");
            case ColumnType.IntegerType() -> CodeBlock.of("integer()");
            case ColumnType.BigInt() -> CodeBlock.of("bigint()");
            case ColumnType.Real() -> CodeBlock.of("real()");
            case ColumnType.DoublePrecision() -> CodeBlock.of("doublePrecision()");
            case ColumnType.Numeric(Integer precision, Integer scale) when precision == null && scale == null ->
                    CodeBlock.of("numeric()");
            case ColumnType.Numeric(Integer precision, Integer scale) when scale == null ->
                    CodeBlock.of("numeric($L)", precision);
            // a scale without a precision has no SQL spelling and no factory; kept exactly as the record says
            case ColumnType.Numeric(Integer precision, Integer scale) when precision == null ->
                    CodeBlock.of("new $T(null, $L)", NUMERIC, scale);
            case ColumnType.Numeric(Integer precision, Integer scale) -> CodeBlock.of("numeric($L, $L)", precision, scale);
            case ColumnType.BooleanType() -> CodeBlock.of("bool()");
            case ColumnType.Date() -> CodeBlock.of("date()");
            case ColumnType.Time(Integer precision, boolean withTimeZone) ->
                    CodeBlock.of("$L($L)", withTimeZone ? "timeTz" : "time", Objects.toString(precision, ""));
            case ColumnType.Timestamp(Integer precision, boolean withTimeZone) ->
                    CodeBlock.of("$L($L)", withTimeZone ? "timestampTz" : "timestamp", Objects.toString(precision, ""));
            case ColumnType.Uuid() -> CodeBlock.of("uuid()");
            case ColumnType.Json(boolean binary) -> CodeBlock.of(binary ? "jsonb()" : "json()");
            case ColumnType.Binary() -> CodeBlock.of("binary()");
            case ColumnType.LargeObject(boolean character, Long length) ->
                    CodeBlock.of("$L($L)", character ? "clob" : "blob", length == null ? "" : length > Integer.MAX_VALUE ? length + "L" : length.toString());
            case ColumnType.Array(ColumnType element) -> CodeBlock.of("array($L)", type(element));
            case ColumnType.Native(String sql) -> CodeBlock.of("nativeType($S)", sql);
        };
    }

    /** The key parts as the DSL spells them ({@code "created_at desc"}), checked to parse back to the same part. */
    private static CodeBlock indexColumns(Index index) {
        List<String> specs = index.columns().stream().map(IndexColumn::spec).toList();
        for (int i = 0; i < specs.size(); i++) {
            if (!IndexColumn.parse(specs.get(i)).equals(index.columns().get(i))) {
                throw new IllegalArgumentException("index " + index.name() + ": column name '"
                        + index.columns().get(i).name() + "' cannot be written in the DSL's \"name [desc]\" form");
            }
        }
        return strings(specs);
    }

    private static CodeBlock strings(List<String> values) {
        return values.stream().map(value -> CodeBlock.of("$S", value)).collect(CodeBlock.joining(", "));
    }

    private static String longLiteral(long value) {
        return value == (int) value ? Long.toString(value) : value + "L";
    }

    private static void requireSameName(String kind, String name, String definitionName) {
        if (!name.equals(definitionName)) {
            throw new IllegalArgumentException("cannot write a migration for " + kind + " " + name
                    + " whose recorded definition is named " + definitionName
                    + ": the DSL takes one name for both; fix the plan");
        }
    }

    private static CodeBlock stringList(List<String> values) {
        return CodeBlock.of("$T.of($L)", List.class,
                values.stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", ")));
    }
}
