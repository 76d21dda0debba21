package dev.autogen.generator.project;

import dev.autogen.generator.diff.OperationText;
import dev.autogen.generator.diff.TypeText;
import dev.autogen.generator.jpa.EntityProvenance;
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
import dev.autogen.op.ExecuteSql;
import dev.autogen.op.ForEachTenant;
import dev.autogen.op.ExecuteDialectSql;
import dev.autogen.op.RunCallback;
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.op.RenameTable;
import dev.autogen.op.SetComment;
import dev.autogen.op.SetRowLevelSecurity;
import dev.autogen.schema.Column;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.ReferentialAction;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Says where each planned operation comes from, so a reviewer can trust (or question) it without reading the
 * entities and the catalog side by side: the entity and field (with its column-shaping annotations) on one side, the
 * catalog object and its value, spelled as the database spells it, on the other. One line per operation:
 * <pre>
 * customer.full_name: entity Customer.fullName @Column(length = 200) -&gt; varchar(200); database: character varying(120)
 * customer.phone: entity Customer.phone @Column(length = 20) -&gt; varchar(20) null; database: no column phone
 * customer.nickname: no entity field maps it; database: character varying(40) null
 * </pre>
 * The entity side uses the compact logical spelling of {@link TypeText}, as the operation lines do.
 */
public final class OperationExplainer {
    private final Schema database;
    private final EntityProvenance entities;
    private final DdlRenderer renderer;

    /**
     * @param database the catalog the plan was computed against
     * @param entities where the entity schema's tables and columns come from
     */
    public OperationExplainer(Schema database, EntityProvenance entities, Dialect dialect) {
        this.database = Objects.requireNonNull(database, "database");
        this.entities = Objects.requireNonNull(entities, "entities");
        this.renderer = DdlRenderer.forDialect(dialect);
    }

    /** One explanation line per operation of {@code plan}, in the same order. */
    public List<String> explain(List<Operation> plan) {
        return plan.stream().map(this::explain).toList();
    }

    /** Where {@code operation} comes from: {@code subject: entity side; database: catalog side}. */
    public String explain(Operation operation) {
        return switch (operation) {
            case CreateTable create -> line(create.table().name(), entityTable(create.table().name())
                    + " -> table with " + count(create.table().columns().size(), "column"), "no table " + create.table().name());
            case DropTable drop -> line(drop.name(), "no entity maps it",
                    "table with " + count(drop.previous() == null ? 0 : drop.previous().columns().size(), "column"));
            case RenameTable rename -> line(rename.to(), entityTable(rename.to()) + " -> table " + rename.to(),
                    "table " + rename.from());
            case AddColumn add -> line(add.table() + "." + add.column().name(),
                    entityColumn(add.table(), add.column().name()) + " -> " + columnText(add.column()),
                    "no column " + add.column().name());
            case DropColumn drop -> line(drop.table() + "." + drop.name(), noField(drop.table()),
                    drop.previous() == null ? "column " + drop.name() : databaseColumn(drop.previous()));
            case AlterColumn alter -> alteration(alter);
            case RenameColumn rename -> line(rename.table() + "." + rename.to(),
                    entityColumn(rename.table(), rename.to()) + " -> column " + rename.to(),
                    "column " + rename.from());
            case CreateIndex create -> line(create.table() + "." + create.index().name(),
                    entityKey(create.table(), create.index().name(), specs(create.index()))
                            + " -> " + indexText(create.index()),
                    existingIndex(create.table(), create.index()).map(OperationExplainer::indexText)
                            .orElse("no index on " + list(specs(create.index()))));
            case DropIndex drop -> line(drop.table() + "." + drop.name(), noEntityDeclares(drop.table(), "index"),
                    drop.previous() == null ? "index " + drop.name() : indexText(drop.previous()));
            case AddPrimaryKey add -> line(add.table() + "." + (add.primaryKey().name() == null ? "pk" : add.primaryKey().name()),
                    entityKey(add.table(), "", add.primaryKey().columns()) + " -> primary key " + list(add.primaryKey().columns()),
                    table(add.table()).map(Table::primaryKey).filter(Objects::nonNull)
                            .map(pk -> "primary key " + list(pk.columns())).orElse("no primary key"));
            case DropPrimaryKey drop -> line(drop.table() + "." + (drop.previous().name() == null ? "pk"
                            : drop.previous().name()), noEntityDeclares(drop.table(), "primary key"),
                    "primary key " + list(drop.previous().columns()));
            case AddForeignKey add -> line(add.table() + "." + add.foreignKey().name(),
                    entityKey(add.table(), add.foreignKey().name(), add.foreignKey().columns()) + " -> " + foreignKeyText(add.foreignKey()),
                    table(add.table()).flatMap(t -> t.foreignKeys().stream()
                                    .filter(fk -> fk.columns().equals(add.foreignKey().columns())).findFirst())
                            .map(OperationExplainer::foreignKeyText)
                            .orElse("no foreign key on " + list(add.foreignKey().columns())));
            case DropForeignKey drop -> line(drop.table() + "." + drop.name(),
                    noEntityDeclares(drop.table(), "foreign key"),
                    drop.previous() == null ? "foreign key " + drop.name() : foreignKeyText(drop.previous()));
            case AddUniqueConstraint add -> line(add.table() + "." + add.constraint().name(),
                    entityKey(add.table(), add.constraint().name(), add.constraint().columns())
                            + " -> unique " + list(add.constraint().columns()),
                    table(add.table()).flatMap(t -> t.uniqueConstraints().stream()
                                    .filter(u -> u.columns().equals(add.constraint().columns())).findFirst())
                            .map(u -> "unique " + list(u.columns()) + " named " + u.name())
                            .orElse("no unique constraint on " + list(add.constraint().columns())));
            case DropUniqueConstraint drop -> line(drop.table() + "." + drop.name(),
                    noEntityDeclares(drop.table(), "unique constraint"),
                    drop.previous() == null ? "unique constraint " + drop.name()
                            : "unique " + list(drop.previous().columns()));
            case AddCheckConstraint add -> line(add.table() + "." + add.constraint().name(),
                    entityTable(add.table()) + " -> check (" + oneLine(add.constraint().expression()) + ")",
                    table(add.table()).flatMap(t -> t.checks().stream()
                                    .filter(c -> c.name().equals(add.constraint().name())).findFirst())
                            .map(c -> "check (" + oneLine(c.expression()) + ")").orElse("no such check"));
            case DropCheckConstraint drop -> line(drop.table() + "." + drop.name(),
                    noEntityDeclares(drop.table(), "check"),
                    drop.previous() == null ? "check " + drop.name()
                            : "check (" + oneLine(drop.previous().expression()) + ")");
            case CreateSequence create -> line(create.sequence().name(), "an entity id generator -> start "
                    + create.sequence().start() + " increment " + create.sequence().increment(),
                    database.sequence(create.sequence().name())
                            .map(s -> "start " + s.start() + " increment " + s.increment()).orElse("no sequence"));
            case DropSequence drop -> line(drop.name(), "no entity id generator uses it",
                    drop.previous() == null ? "sequence " + drop.name()
                            : "start " + drop.previous().start() + " increment " + drop.previous().increment());
            case AlterSequence alter -> line(alter.name(), "an entity id generator -> start "
                    + alter.sequence().start() + " increment " + alter.sequence().increment(),
                    "start " + alter.previous().start() + " increment " + alter.previous().increment());
            case SetRowLevelSecurity set -> line(set.table() + ".row_level_security",
                    entityTable(set.table()) + " -> row-level security " + OperationText.rowSecurity(set.state()),
                    table(set.table()).map(t -> "row-level security " + OperationText.rowSecurity(t.rowLevelSecurity()))
                            .orElse("no table"));
            case SetComment set -> line(set.table() + ".comment",
                    entityTable(set.table()) + " -> " + commentText(set.comment()),
                    table(set.table()).map(t -> commentText(t.comment())).orElse("no table"));
            case CreatePolicy create -> line(create.table() + "." + create.policy().name(),
                    entityTable(create.table()) + " -> policy " + OperationText.policy(create.policy()),
                    table(create.table()).flatMap(t -> t.policy(create.policy().name()))
                            .map(p -> "policy " + OperationText.policy(p)).orElse("no such policy"));
            case DropPolicy drop -> line(drop.table() + "." + drop.name(), noEntityDeclares(drop.table(), "policy"),
                    drop.previous() == null ? "policy " + drop.name()
                            : "policy " + OperationText.policy(drop.previous()));
            case CreateEnumType create -> line(create.enumType().name(), "an entity's named enum -> values "
                    + create.enumType().values(), database.enumType(create.enumType().name())
                            .map(e -> "values " + e.values()).orElse("no enum type"));
            case DropEnumType drop -> line(drop.name(), "no entity column uses it",
                    drop.previous() == null ? "enum type " + drop.name() : "values " + drop.previous().values());
            case AlterEnumType alter -> line(alter.enumType().name(), "an entity's named enum -> values "
                    + alter.enumType().values(), "values " + alter.previous().values());
            case ExecuteSql sql -> "raw SQL: written by hand, not derived from entities or catalog";
            case ExecuteDialectSql sql -> "raw SQL per dialect: written by hand, not derived from entities or catalog";
            case Backfill backfill -> "backfill of " + backfill.table() + ": written by hand (or by --phased), rows"
                    + " only, no schema change";
            case RunCallback callback -> "Java callback: written by hand, not derived from entities or catalog";
            case ForEachTenant step -> "tenant step: written by hand, not derived from entities or catalog";
        };
    }

    private String alteration(AlterColumn alter) {
        Column from = alter.from();
        Column to = alter.to();
        List<String> entity = new ArrayList<>();
        List<String> catalog = new ArrayList<>();
        if (!renderer.typeSql(from.type()).equalsIgnoreCase(renderer.typeSql(to.type()))
                || !TypeText.of(from.type()).equals(TypeText.of(to.type()))) {
            entity.add(TypeText.of(to.type()));
            catalog.add(renderer.typeSql(from.type()));
        }
        if (from.nullable() != to.nullable()) {
            entity.add(to.nullable() ? "null" : "not null");
            catalog.add(from.nullable() ? "null" : "not null");
        }
        if (!Objects.equals(from.defaultValue(), to.defaultValue())) {
            entity.add(to.defaultValue() == null ? "no default" : "default " + oneLine(to.defaultValue()));
            catalog.add(from.defaultValue() == null ? "no default" : "default " + oneLine(from.defaultValue()));
        }
        if (from.identity() != to.identity()) {
            entity.add(to.identity() ? "identity" : "no identity");
            catalog.add(from.identity() ? "identity" : "no identity");
        }
        if (!Objects.equals(from.comment(), to.comment())) {
            entity.add(to.comment() == null ? "no comment" : "comment '" + oneLine(to.comment()) + "'");
            catalog.add(from.comment() == null ? "no comment" : "comment '" + oneLine(from.comment()) + "'");
        }
        return line(alter.table() + "." + alter.name(), entityColumn(alter.table(), alter.name()) + " -> "
                + String.join(" ", entity), String.join(" ", catalog));
    }

    private static String commentText(String comment) {
        return comment == null ? "no comment" : "comment '" + oneLine(comment) + "'";
    }

    private static String line(String subject, String entitySide, String databaseSide) {
        return subject + ": " + entitySide + "; database: " + databaseSide;
    }

    private String entityTable(String table) {
        return entities.table(table).map(owner -> "entity " + owner).orElse("entities");
    }

    private String entityColumn(String table, String column) {
        return entities.column(table, column).map(field -> "entity " + field).orElseGet(() -> entityTable(table));
    }

    /**
     * A key or index: the {@code @Index}/{@code @UniqueConstraint} that declares it, else the field of its single
     * column, else the entity and the fields of its columns.
     */
    private String entityKey(String table, String name, List<String> columns) {
        Optional<String> annotation = entities.tableAnnotation(table, name, columns);
        if (annotation.isPresent()) {
            return entityTable(table) + " " + annotation.get();
        }
        if (columns.size() == 1) {
            return entityColumn(table, bareName(columns.getFirst()));
        }
        List<String> fields = columns.stream().map(c -> entities.column(table, bareName(c))
                .map(f -> f.split(" ")[0]).orElse(c)).toList();
        return entityTable(table) + " (" + String.join(", ", fields) + ")";
    }

    private String noField(String table) {
        return entities.table(table).map(owner -> "no field of entity " + owner + " maps it")
                .orElse("no entity maps it");
    }

    private String noEntityDeclares(String table, String what) {
        return entities.table(table).map(owner -> "entity " + owner + " declares no such " + what)
                .orElse("no entity declares it");
    }

    private Optional<Table> table(String name) {
        return database.table(name);
    }

    private Optional<Index> existingIndex(String table, Index wanted) {
        return table(table).flatMap(t -> t.indexes().stream()
                .filter(i -> i.name().equals(wanted.name()) || i.columns().equals(wanted.columns())).findFirst());
    }

    private String databaseColumn(Column column) {
        return renderer.typeSql(column.type()) + (column.nullable() ? " null" : " not null")
                + (column.defaultValue() == null ? "" : " default " + oneLine(column.defaultValue()));
    }

    private static String columnText(Column column) {
        return TypeText.of(column.type()) + (column.nullable() ? " null" : " not null")
                + (column.defaultValue() == null ? "" : " default " + oneLine(column.defaultValue()))
                + (column.identity() ? " identity" : "");
    }

    private static String indexText(Index index) {
        return (index.unique() ? "unique index " : "index ") + list(specs(index));
    }

    private static List<String> specs(Index index) {
        return index.columns().stream().map(IndexColumn::spec).toList();
    }

    private static String foreignKeyText(ForeignKey key) {
        return "foreign key " + list(key.columns()) + " -> " + key.referencedTable() + list(key.referencedColumns())
                + (key.onDelete() == ReferentialAction.NO_ACTION ? "" : " on delete " + key.onDelete().sql());
    }

    private static String bareName(String spec) {
        return spec.endsWith(" desc") ? spec.substring(0, spec.length() - " desc".length()) : spec;
    }

    private static String list(List<String> names) {
        return "(" + String.join(", ", names) + ")";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
