package dev.autogen.generator.diff;

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
import dev.autogen.schema.Column;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.Policy;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.RowLevelSecurity;
import dev.autogen.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One readable line per operation: what {@code autogen diff} prints and what scenario tests expect, e.g.
 * <pre>
 * CreateTable users (id uuid not null, email varchar(320) not null, pk(id), uq(email), fk(org_id -&gt; organizations.id on delete cascade))
 * AddColumn users phone varchar(20) null
 * AlterColumn users email varchar(200) -&gt; varchar(320)
 * CreateIndex users ix_users_phone (phone)
 * DropColumn users phone
 * </pre>
 *
 * <p>The form: the operation's name, the table, then the object. A column is {@code name type null|not null}, then
 * {@code default EXPR}, {@code identity} and {@code comment '...'} when present. Types use the compact logical spelling
 * of {@link TypeText} ({@code varchar(20)}, {@code timestamptz(6)}, {@code uuid}). Inside a {@code CreateTable} the
 * constraints are written without their names ({@code pk(...)}, {@code uq(...)}, {@code fk(...)}, {@code ck(...)},
 * {@code ix(...)}, {@code unique ix(...)}); operations on a single constraint or index name it. An
 * {@code AlterColumn} shows only the aspects that change, before and after the arrow. Drops name what they drop
 * (the full definition they carry is in the operation, not in the line).
 */
public final class OperationText {

    private OperationText() {
    }

    public static String line(Operation operation) {
        return switch (operation) {
            case CreateTable(Table table) -> "CreateTable " + table.name() + " (" + tableBody(table) + ")";
            case DropTable(String name, Table previous) -> "DropTable " + name;
            case RenameTable(String from, String to) -> "RenameTable " + from + " -> " + to;
            case AddColumn(String table, Column column) -> "AddColumn " + table + " " + column(column);
            case DropColumn(String table, String name, Column previous) -> "DropColumn " + table + " " + name;
            case AlterColumn(String table, String name, Column from, Column to) ->
                    "AlterColumn " + table + " " + name + " " + alteration(from, to);
            case RenameColumn(String table, String from, String to) ->
                    "RenameColumn " + table + " " + from + " -> " + to;
            case CreateIndex(String table, Index index) ->
                    "CreateIndex " + table + " " + index.name() + (index.unique() ? " unique " : " ") + keyParts(index);
            case DropIndex(String table, String name, Index previous) -> "DropIndex " + table + " " + name;
            case AddPrimaryKey(String table, PrimaryKey key) ->
                    "AddPrimaryKey " + table + named(key.name()) + " " + list(key.columns());
            case DropPrimaryKey(String table, PrimaryKey previous) ->
                    "DropPrimaryKey " + table + (previous.name() == null ? " " + list(previous.columns())
                            : " " + previous.name());
            case AddForeignKey(String table, ForeignKey key) ->
                    "AddForeignKey " + table + " " + key.name() + " (" + foreignKey(key) + ")";
            case DropForeignKey(String table, String name, ForeignKey previous) -> "DropForeignKey " + table + " " + name;
            case AddUniqueConstraint(String table, var constraint) ->
                    "AddUniqueConstraint " + table + " " + constraint.name() + " " + list(constraint.columns());
            case DropUniqueConstraint(String table, String name, var previous) ->
                    "DropUniqueConstraint " + table + " " + name;
            case AddCheckConstraint(String table, var constraint) ->
                    "AddCheckConstraint " + table + " " + constraint.name() + " (" + oneLine(constraint.expression()) + ")";
            case DropCheckConstraint(String table, String name, var previous) ->
                    "DropCheckConstraint " + table + " " + name;
            case CreateSequence(var sequence) -> "CreateSequence " + sequence.name()
                    + " start " + sequence.start() + " increment " + sequence.increment();
            case DropSequence(String name, var previous) -> "DropSequence " + name;
            case AlterSequence(var sequence, var previous) -> "AlterSequence " + sequence.name()
                    + " start " + previous.start() + " -> " + sequence.start()
                    + " increment " + previous.increment() + " -> " + sequence.increment();
            case SetRowLevelSecurity(String table, var state, var previous) ->
                    "SetRowLevelSecurity " + table + " " + rowSecurity(state);
            case SetComment(String table, String comment, String previous) ->
                    "SetComment " + table + " " + (comment == null ? "null" : quoted(comment));
            case CreatePolicy(String table, Policy policy) -> "CreatePolicy " + table + " " + policy(policy);
            case DropPolicy(String table, String name, Policy previous) -> "DropPolicy " + table + " " + name;
            case CreateEnumType(var type) -> "CreateEnumType " + type.name() + " " + enumValues(type.values());
            case DropEnumType(String name, var previous) -> "DropEnumType " + name;
            case AlterEnumType alter when alter.onlyAddsValues() -> "AlterEnumType " + alter.enumType().name()
                    + " add " + String.join(", ", alter.addedValues().stream().map(OperationText::quoted).toList());
            case AlterEnumType alter -> "AlterEnumType " + alter.enumType().name() + " rebuild "
                    + enumValues(alter.enumType().values());
            case ExecuteSql(String sql, String reverseSql) -> "ExecuteSql " + oneLine(sql);
            case ExecuteDialectSql(var sql, var reverseSql) -> "ExecuteDialectSql " + String.join(" | ",
                    sql.entrySet().stream().map(e -> ExecuteDialectSql.dslMethod(e.getKey()) + ": " + oneLine(e.getValue()))
                            .toList());
            case Backfill(String table, String set, String where, int batchSize) -> "Backfill " + table + " set "
                    + oneLine(set) + (where == null ? "" : " where " + oneLine(where)) + " in batches of " + batchSize;
            case RunCallback(String description, var callback) -> "RunCallback " + oneLine(description);
            case ForEachTenant(var tenants, var step) -> "ForEachTenant " + oneLine(step.description());
        };
    }

    /** {@code enabled forced}, {@code enabled not forced}, {@code disabled}. */
    public static String rowSecurity(RowLevelSecurity state) {
        return !state.enabled() ? (state.forced() ? "disabled forced" : "disabled")
                : state.forced() ? "enabled forced" : "enabled not forced";
    }

    /** {@code name [as restrictive] for all to public using (…) with check (…)}. */
    public static String policy(Policy policy) {
        StringBuilder out = new StringBuilder(policy.name()).append(policy.restrictive() ? " as restrictive" : "")
                .append(" for ").append(policy.command().sql())
                .append(" to ").append(String.join(", ", policy.roles()));
        if (policy.using() != null) {
            out.append(" using (").append(oneLine(policy.using())).append(')');
        }
        if (policy.withCheck() != null) {
            out.append(" with check (").append(oneLine(policy.withCheck())).append(')');
        }
        return out.toString();
    }

    /** {@code name type null|not null [default X] [identity] [comment '...']}. */
    public static String column(Column column) {
        StringBuilder out = new StringBuilder(column.name()).append(' ').append(TypeText.of(column.type()))
                .append(column.nullable() ? " null" : " not null");
        if (column.defaultValue() != null) {
            out.append(" default ").append(oneLine(column.defaultValue()));
        }
        if (column.identity()) {
            out.append(" identity");
        }
        if (column.comment() != null) {
            out.append(" comment ").append(quoted(column.comment()));
        }
        return out.toString();
    }

    private static String alteration(Column from, Column to) {
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        String fromType = TypeText.of(from.type());
        String toType = TypeText.of(to.type());
        if (!fromType.equals(toType)) {
            before.add(fromType);
            after.add(toType);
        }
        if (from.nullable() != to.nullable()) {
            before.add(from.nullable() ? "null" : "not null");
            after.add(to.nullable() ? "null" : "not null");
        }
        if (!Objects.equals(from.defaultValue(), to.defaultValue())) {
            before.add(from.defaultValue() == null ? "no default" : "default " + oneLine(from.defaultValue()));
            after.add(to.defaultValue() == null ? "no default" : "default " + oneLine(to.defaultValue()));
        }
        if (from.identity() != to.identity()) {
            before.add(from.identity() ? "identity" : "no identity");
            after.add(to.identity() ? "identity" : "no identity");
        }
        if (!Objects.equals(from.comment(), to.comment())) {
            before.add(from.comment() == null ? "no comment" : "comment " + quoted(from.comment()));
            after.add(to.comment() == null ? "no comment" : "comment " + quoted(to.comment()));
        }
        if (before.isEmpty()) {
            return "unchanged"; // a hand-written no-op alteration
        }
        return String.join(" ", before) + " -> " + String.join(" ", after);
    }

    private static String tableBody(Table table) {
        List<String> parts = new ArrayList<>();
        table.columns().forEach(c -> parts.add(column(c)));
        if (table.primaryKey() != null) {
            parts.add("pk" + list(table.primaryKey().columns()));
        }
        table.uniqueConstraints().forEach(u -> parts.add("uq" + list(u.columns())));
        table.foreignKeys().forEach(fk -> parts.add("fk(" + foreignKey(fk) + ")"));
        table.checks().forEach(ck -> parts.add("ck(" + oneLine(ck.expression()) + ")"));
        table.indexes().forEach(ix -> parts.add((ix.unique() ? "unique ix" : "ix") + keyParts(ix)));
        if (table.comment() != null) {
            parts.add("comment " + quoted(table.comment()));
        }
        return String.join(", ", parts);
    }

    /** {@code org_id -> organizations.id on delete cascade}, or {@code a, b -> t(x, y)} for composite keys. */
    private static String foreignKey(ForeignKey key) {
        String target = key.referencedColumns().size() == 1
                ? key.referencedTable() + "." + key.referencedColumns().getFirst()
                : key.referencedTable() + list(key.referencedColumns());
        String action = key.onDelete() == ReferentialAction.NO_ACTION ? "" : " on delete " + key.onDelete().sql();
        return String.join(", ", key.columns()) + " -> " + target + action;
    }

    private static String keyParts(Index index) {
        return list(index.columns().stream().map(IndexColumn::spec).toList());
    }

    private static String list(List<String> names) {
        return "(" + String.join(", ", names) + ")";
    }

    private static String enumValues(List<String> values) {
        return list(values.stream().map(OperationText::quoted).toList());
    }

    private static String named(String name) {
        return name == null ? "" : " " + name;
    }

    private static String quoted(String text) {
        return "'" + oneLine(text).replace("'", "''") + "'";
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
