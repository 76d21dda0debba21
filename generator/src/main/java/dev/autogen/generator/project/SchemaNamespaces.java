package dev.autogen.generator.project;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.discovery.SourceDirectoryMigrationSource;
import dev.autogen.op.CreateSequence;
import dev.autogen.op.CreateTable;
import dev.autogen.op.Operation;
import dev.autogen.op.RenameTable;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.QualifiedName;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Sequence;
import dev.autogen.schema.Table;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The other schemas ({@code @Table(schema = ...)}) that the entities' tables and sequences live in, and the one
 * rewrite they need before a diff: a mapping that names the default schema itself ({@code schema = "public"} on a
 * database whose {@code current_schema()} is {@code public}) means the same tables as one that names none, and the
 * catalog reader names the default schema's tables without a schema, so the entities' names lose it too.
 */
public final class SchemaNamespaces {
    /** The note that keeps {@link #createdBy(List)}; its number changes whenever what that method reads changes. */
    static final String CREATED_NOTE = "schemas-created-1";

    private SchemaNamespaces() {
    }

    /** The schemas other than the default one that {@code schema}'s tables, foreign keys and sequences name. */
    public static SortedSet<String> of(Schema schema) {
        SortedSet<String> names = new TreeSet<>();
        Stream<String> tableNames = schema.tables().stream().flatMap(t -> Stream.concat(Stream.of(t.name()),
                t.foreignKeys().stream().map(ForeignKey::referencedTable)));
        Stream.concat(tableNames, schema.sequences().stream().map(Sequence::name))
                .map(name -> QualifiedName.parse(name).schema())
                .filter(s -> s != null)
                .forEach(names::add);
        return names;
    }

    /**
     * The other schemas in which {@code migrations} create or rename tables and sequences: read from their upgrade
     * operations, without replaying them (raw SQL is opaque, as for {@link UnmanagedTables}).
     */
    public static SortedSet<String> createdBy(List<LoadedMigration> migrations) {
        SortedSet<String> names = new TreeSet<>();
        for (LoadedMigration migration : migrations) {
            for (Operation operation : migration.upgradeOperations()) {
                String name = null;
                if (operation instanceof CreateTable create) {
                    name = create.table().name();
                } else if (operation instanceof RenameTable rename) {
                    name = rename.to();
                } else if (operation instanceof CreateSequence create) {
                    name = create.sequence().name();
                }
                String schema = name == null ? null : QualifiedName.parse(name).schema();
                if (schema != null) {
                    names.add(schema);
                }
            }
        }
        return names;
    }

    /**
     * {@link #createdBy(List)}, kept as a note in the compiled-class cache entry of {@code source} (the migrations'
     * sources, which the answer depends on alone), so a later run with the same migrations reads it instead of
     * replaying every upgrade: at thousands of tables the initial migration's operations take a tenth of a second or
     * more. A missing or unreadable note is computed again (and kept); {@code source} may be null (no cache).
     */
    static SortedSet<String> createdBy(List<LoadedMigration> migrations, SourceDirectoryMigrationSource source) {
        if (source != null) {
            Optional<SortedSet<String>> kept = source.note(CREATED_NOTE).flatMap(SchemaNamespaces::decode);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        SortedSet<String> names = createdBy(migrations);
        if (source != null) {
            encode(names).ifPresent(text -> source.keepNote(CREATED_NOTE, text));
        }
        return names;
    }

    /** One name a line, each ended by a newline; empty when a name cannot be written so. */
    static Optional<String> encode(SortedSet<String> names) {
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            if (name.isEmpty() || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
                return Optional.empty();
            }
            text.append(name).append('\n');
        }
        return Optional.of(text.toString());
    }

    /** What {@link #encode} wrote; empty for anything it could not have written. */
    static Optional<SortedSet<String>> decode(String text) {
        SortedSet<String> names = new TreeSet<>();
        if (text.isEmpty()) {
            return Optional.of(names);
        }
        if (!text.endsWith("\n") || text.indexOf('\r') >= 0) {
            return Optional.empty();
        }
        for (String name : text.substring(0, text.length() - 1).split("\n", -1)) {
            if (name.isEmpty() || !names.add(name)) {
                return Optional.empty();
            }
        }
        return Optional.of(names);
    }

    /** {@code schema} with the qualifier {@code defaultSchema} removed from every table, reference and sequence. */
    static Schema withDefault(Schema schema, String defaultSchema) {
        if (!of(schema).contains(defaultSchema)) {
            return schema;
        }
        return new Schema(schema.tables().stream().map(t -> table(t, defaultSchema)).toList(),
                schema.sequences().stream().map(s -> new Sequence(local(s.name(), defaultSchema), s.start(),
                        s.increment())).toList(),
                schema.enumTypes());
    }

    private static Table table(Table table, String defaultSchema) {
        return table.withName(local(table.name(), defaultSchema))
                .withForeignKeys(table.foreignKeys().stream().map(fk -> new ForeignKey(fk.name(), fk.columns(),
                        local(fk.referencedTable(), defaultSchema), fk.referencedColumns(), fk.onDelete())).toList());
    }

    private static String local(String name, String defaultSchema) {
        QualifiedName qualified = QualifiedName.parse(name);
        return defaultSchema.equals(qualified.schema()) ? qualified.name() : name;
    }
}
