package dev.autogen.generator.jpa;

import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.EnumType;
import dev.autogen.sql.mariadb.MariadbTypes;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.QualifiedName;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Sequence;
import dev.autogen.schema.Table;
import dev.autogen.sql.Dialect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hibernate.MappingException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Namespace;

/**
 * Reads the schema that JPA entities imply, through Hibernate's boot model ({@code org.hibernate.mapping}), built
 * offline for the target database: the "after" side of every diff. This package is the only code that touches
 * Hibernate; the rest of autogen sees the {@link Schema} records.
 *
 * <p>What it decides:
 * <ul>
 *   <li>Names are stored as the database keeps them: unquoted identifiers lower-cased, quoted ones exactly; on
 *       SQLite, which keeps names as written, unquoted table names as the entities spell them (as Hibernate's SQLite
 *       export creates them and its validation expects them).</li>
 *   <li>Column types are logical and always read from a PostgreSQL boot model (see {@link LogicalTypes}), so an
 *       entity gives the same schema for PostgreSQL and SQLite.</li>
 *   <li>Columns keep Hibernate's order, with the primary-key columns moved first.</li>
 *   <li>Constraints and indexes keep the names the user gave; the names Hibernate invents ({@code FK…},
 *       {@code UK…}, {@code IDX…}, {@code usersPK}) are replaced by {@link dev.autogen.schema.ConstraintNames}.</li>
 *   <li>Sequences: on PostgreSQL, {@code Namespace.getSequences()}. On SQLite, which has no sequences, Hibernate
 *       emulates each one with a one-column table ({@code next_val}); those tables are physical tables in the
 *       SQLite boot model and are read as tables, exactly as Hibernate models them.</li>
 *   <li>PostgreSQL named enums: see {@link NamedEnums}. SQLite has no enum types (and Hibernate's SQLite dialect
 *       cannot map {@code NAMED_ENUM}): there the column keeps the type name, which SQLite accepts as any text. On
 *       MariaDB the column is a native {@code enum(...)} of the values, and there is no type (see nativeEnums).</li>
 *   <li>Hibernate's temporary mutation tables ({@code HT_…}, {@code HTE_…}) are left out.</li>
 * </ul>
 */
public final class HibernateModelReader {

    private HibernateModelReader() {
    }

    /** Scans {@code packages} on {@code classpath} with {@link EntityScanner} and reads the entities found. */
    public static Schema read(List<Path> classpath, List<String> packages, Dialect dialect) {
        return read(EntityScanner.scan(classpath, packages), dialect);
    }

    /**
     * The schema {@code entityClasses} imply on {@code dialect}.
     *
     * @param entityClasses entity, embeddable, mapped-superclass and package-info classes
     * @throws EntityModelException when Hibernate cannot map the classes
     */
    public static Schema read(List<Class<?>> entityClasses, Dialect dialect) {
        try (EntityModel model = EntityModel.of(entityClasses, dialect)) {
            return model.schema();
        }
    }

    /**
     * The schema on {@code dialect}: column types from {@code postgres}, everything else from {@code target} (the
     * same object on PostgreSQL; why SQLite needs both is said in {@link EntityModel}).
     */
    static Schema read(OfflineMetadata postgres, OfflineMetadata target, Dialect dialect) {
        Map<String, ColumnType> types = columnTypes(postgres.metadata());
        boolean sequences = dialect != Dialect.SQLITE;
        Schema schema = TenantIsolation.apply(schema(target.metadata(), types, sequences), target.metadata());
        if (dialect == Dialect.SQLITE) {
            // before the spelling, which names tables without their schema
            schema.tables().stream().filter(t -> QualifiedName.parse(t.name()).schema() != null).findFirst()
                    .ifPresent(t -> {
                        throw new EntityModelException("table " + t.name() + " names a schema, which SQLite does not"
                                + " have: remove schema = \"" + QualifiedName.parse(t.name()).schema()
                                + "\" from its mapping to use it on SQLite");
                    });
        }
        if (dialect == Dialect.MARIADB) {
            schema = nativeEnums(NamedEnums.read(postgres.metadata()), schema);
            // Hibernate's MariaDB dialect maps an enum to a native enum(...) type without a check; the migration keeps
            // PostgreSQL's varchar and check, so the checks come from the PostgreSQL boot, like the types
            Map<String, Table> postgresTables = new HashMap<>();
            schema(postgres.metadata(), types, false).tables().forEach(t -> postgresTables.put(t.name(), t));
            schema = new Schema(schema.tables().stream().map(t -> postgresTables.containsKey(t.name())
                    ? t.withChecks(postgresTables.get(t.name()).checks()) : t).toList(), schema.sequences(),
                    schema.enumTypes());
        }
        if (dialect != Dialect.POSTGRESQL) {
            // SQLite and MariaDB keep unquoted names as written: spelled as Hibernate's export and validation spell them
            return spelledAsHibernate(schema, target.metadata());
        }
        // named enum types are PostgreSQL's own (SQLite has none: the column keeps the type name, stored as text)
        Schema withEnums = new Schema(schema.tables(), schema.sequences(), NamedEnums.read(postgres.metadata()));
        IdentifierLimits.check(withEnums, target.metadata());
        return withEnums;
    }

    /**
     * PostgreSQL named enums as MariaDB's native {@code enum(...)} columns, as Hibernate's MariaDB dialect maps
     * {@code SqlTypes.NAMED_ENUM}: the column's type is the {@code enum('A','B')} spelling the catalog reader reads
     * back (values in declaration order), and there is no enum type (MariaDB has none). A changed value list is then a
     * column type change, rendered as {@code modify column}; a migration planned on MariaDB is MariaDB's own (see
     * docs/comparison.md, MariaDB).
     */
    private static Schema nativeEnums(List<EnumType> enums, Schema schema) {
        if (enums.isEmpty()) {
            return schema;
        }
        Map<String, ColumnType> spelled = new HashMap<>();
        enums.forEach(type -> spelled.put(type.name(), new ColumnType.Native(MariadbTypes.enumSql(type.values()))));
        return new Schema(schema.tables().stream().map(table -> table.withColumns(table.columns().stream()
                .map(column -> column.type() instanceof ColumnType.Native n && spelled.containsKey(n.sql())
                        ? column.withType(spelled.get(n.sql())) : column).toList())).toList(),
                schema.sequences(), schema.enumTypes());
    }

    /**
     * On SQLite, unquoted table names as the entities spell them ({@code Cargo}, {@code category_SEQ}), which is how
     * Hibernate's SQLite export creates them and how its validation looks them up (case-sensitively, although SQLite
     * itself compares names case-insensitively; the differ does too, see {@code SqliteNameCase}). Column names stay
     * folded: Hibernate compares those case-insensitively. On PostgreSQL, which folds unquoted names, they are
     * lower-cased as the database stores them.
     */
    private static Schema spelledAsHibernate(Schema schema, Metadata metadata) {
        Map<String, String> spelling = new HashMap<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (org.hibernate.mapping.Table table : namespace.getTables()) {
                if (!table.isQuoted() && isReadable(table)) {
                    spelling.put(tableName(table), table.getName());
                }
            }
        }
        return new Schema(schema.tables().stream().map(table -> table
                .withName(spelling.getOrDefault(table.name(), table.name()))
                .withForeignKeys(table.foreignKeys().stream().map(fk -> new ForeignKey(fk.name(),
                        fk.columns(), spelling.getOrDefault(fk.referencedTable(), fk.referencedTable()),
                        fk.referencedColumns(), fk.onDelete())).toList())).toList(),
                schema.sequences(), schema.enumTypes());
    }

    private static Schema schema(Metadata metadata, Map<String, ColumnType> types, boolean sequences) {
        List<Table> tables = new ArrayList<>();
        List<Sequence> sequenceList = new ArrayList<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (org.hibernate.mapping.Table table : namespace.getTables()) {
                if (isReadable(table)) {
                    tables.add(table(metadata, table, types));
                }
            }
            if (sequences) {
                for (org.hibernate.boot.model.relational.Sequence sequence : namespace.getSequences()) {
                    sequenceList.add(new Sequence(sequenceName(sequence),
                            sequence.getInitialValue(), sequence.getIncrementSize()));
                }
            }
        }
        return new Schema(tables, sequenceList);
    }

    private static boolean isReadable(org.hibernate.mapping.Table table) {
        String upper = table.getName().toUpperCase(Locale.ROOT);
        return table.isPhysicalTable() && !upper.startsWith("HT_") && !upper.startsWith("HTE_");
    }

    private static Table table(Metadata metadata, org.hibernate.mapping.Table table, Map<String, ColumnType> types) {
        String name = tableName(table);
        Set<org.hibernate.mapping.Column> ordered = new LinkedHashSet<>();
        if (table.hasPrimaryKey()) {
            ordered.addAll(table.getPrimaryKey().getColumns());
        }
        ordered.addAll(table.getColumns());
        Set<String> keyColumns = new LinkedHashSet<>();
        if (table.hasPrimaryKey()) {
            table.getPrimaryKey().getColumns().forEach(c -> keyColumns.add(stored(c)));
        }
        List<Column> columns = new ArrayList<>();
        for (org.hibernate.mapping.Column column : ordered) {
            String columnName = stored(column);
            ColumnType type = types.get(typeKey(table, column));
            if (type == null) {
                type = logicalType(metadata, table, column);
            }
            boolean nullable = column.isNullable() && !keyColumns.contains(columnName);
            columns.add(new Column(columnName, type, nullable, column.getDefaultValue(), column.isIdentity(),
                    comment(column.getComment())));
        }
        return new TableConstraints(name, table, metadata).applyTo(Table.of(name, columns).withComment(comment(table.getComment())));
    }

    /**
     * A blank comment is none: Hibernate gives the key column of a {@code @ManyToOne} mapped through a {@code @JoinTable}
     * the comment {@code ""}, and PostgreSQL's {@code comment on ... is ''} removes a comment rather than storing one.
     */
    private static String comment(String comment) {
        return comment == null || comment.isBlank() ? null : comment;
    }

    /** The logical type of every column of {@code metadata} (a PostgreSQL boot model), keyed by table and column. */
    private static Map<String, ColumnType> columnTypes(Metadata metadata) {
        Map<String, ColumnType> types = new HashMap<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (org.hibernate.mapping.Table table : namespace.getTables()) {
                if (isReadable(table)) {
                    for (org.hibernate.mapping.Column column : table.getColumns()) {
                        types.put(typeKey(table, column), logicalType(metadata, table, column));
                    }
                }
            }
        }
        return types;
    }

    private static ColumnType logicalType(Metadata metadata, org.hibernate.mapping.Table table,
                                          org.hibernate.mapping.Column column) {
        // before getSqlType(metadata) caches the resolved type, getSqlType() is the explicit columnDefinition
        String definition = column.getSqlType();
        if (definition != null && !definition.isBlank()) {
            return DeclaredTypes.parse(definition);
        }
        try {
            String sqlType = column.getSqlType(metadata);
            return LogicalTypes.of(column.getSqlTypeCode(metadata), sqlType, column.getTemporalPrecision(),
                    column.getLength());
        } catch (MappingException e) {
            throw new EntityModelException("no SQL type for column " + table.getName() + "." + column.getName()
                    + " (" + e.getMessage() + "): give it a @Column(columnDefinition = ...) or a supported type", e);
        }
    }

    private static String typeKey(org.hibernate.mapping.Table table, org.hibernate.mapping.Column column) {
        return tableName(table) + "\u0000" + stored(column);
    }

    /**
     * A table's name as the database stores it, qualified with its schema when the mapping names one
     * ({@code @Table(schema = ...)}, {@code @JoinTable(schema = ...)}, ...): see {@link QualifiedName}. A dot inside a
     * table's own name would read as a schema, so it is refused.
     */
    static String tableName(org.hibernate.mapping.Table table) {
        String name = stored(table.getName(), table.isQuoted());
        if (name.contains(".")) {
            throw new EntityModelException("table name " + name + " contains a dot, which autogen reads as a schema"
                    + " separator: rename the table, or put it in a schema with @Table(schema = ...)");
        }
        Identifier schema = table.getQualifiedTableName().getSchemaName();
        return schema == null ? name : QualifiedName.of(stored(schema), name);
    }

    /** A sequence's name as the database stores it, qualified with its schema when the mapping names one. */
    static String sequenceName(org.hibernate.boot.model.relational.Sequence sequence) {
        String name = stored(sequence.getName().getSequenceName());
        Identifier schema = sequence.getName().getSchemaName();
        return schema == null ? name : QualifiedName.of(stored(schema), name);
    }

    /** A column's name as the database stores it. */
    static String stored(org.hibernate.mapping.Column column) {
        return stored(column.getName(), column.isQuoted());
    }

    static String stored(Identifier identifier) {
        return stored(identifier.getText(), identifier.isQuoted());
    }

    /** A constraint or index name the user wrote: quoted ({@code "Name"} or {@code `Name`}) kept, else folded. */
    static String storedConstraintName(String name) {
        boolean quoted = name.length() > 1 && (name.startsWith("\"") && name.endsWith("\"")
                || name.startsWith("`") && name.endsWith("`"));
        return quoted ? name.substring(1, name.length() - 1) : name.toLowerCase(Locale.ROOT);
    }

    /** Unquoted identifiers are folded to lower case (as PostgreSQL does); quoted ones are kept exactly. */
    static String stored(String text, boolean quoted) {
        return quoted ? text : text.toLowerCase(Locale.ROOT);
    }
}
