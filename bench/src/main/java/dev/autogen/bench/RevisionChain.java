package dev.autogen.bench;

import dev.autogen.generator.emit.JavaMigrationEmitter;
import dev.autogen.generator.emit.MigrationSpec;
import dev.autogen.op.CreateTable;
import dev.autogen.op.Operation;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a chain of R migration sources, each creating one table, as {@code autogen -m} would have written them one
 * after another (the emitter's own output, each revision the parent of the next). Each table is shaped like a typical
 * entity table: an identity key, ten columns of mixed types (five of them NOT NULL), its primary key, and one
 * index; every table after the first also has a foreign key to the one before. Deterministic: the same R gives
 * the same files.
 */
final class RevisionChain {
    static final String PACKAGE = "bench.chain";

    private final int revisions;

    RevisionChain(int revisions) {
        this.revisions = revisions;
    }

    /** Writes the sources under {@code migrations} (a source root) and returns the total of their characters. */
    long writeTo(Path migrations) throws IOException {
        Path dir = migrations.resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(dir);
        JavaMigrationEmitter emitter = new JavaMigrationEmitter();
        long characters = 0;
        for (int r = 1; r <= revisions; r++) {
            String message = "create " + table(r);
            String className = JavaMigrationEmitter.className(r, message);
            Operation create = new CreateTable(tableDefinition(r));
            var spec = new MigrationSpec(PACKAGE, className, id(r), r == 1 ? List.of() : List.of(id(r - 1)), message,
                    "Generated for the revision-chain benchmark.", List.of(create), List.of(create.reverse()));
            String source = emitter.emit(spec);
            Files.writeString(dir.resolve(className + ".java"), source);
            characters += source.length();
        }
        return characters;
    }

    static String id(int r) {
        return String.format(Locale.ROOT, "c4a1%08d", r);
    }

    static String table(int r) {
        return String.format(Locale.ROOT, "chain_%04d", r);
    }

    private static Table tableDefinition(int r) {
        String name = table(r);
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("id", new ColumnType.BigInt(), false, null, true, null));
        columns.add(Column.of("code", new ColumnType.Varchar(32), false));
        columns.add(Column.of("name", new ColumnType.Varchar(255), false));
        columns.add(Column.of("description", new ColumnType.Text(), true));
        columns.add(Column.of("amount", new ColumnType.Numeric(12, 2), true));
        columns.add(Column.of("quantity", new ColumnType.IntegerType(), false));
        columns.add(new Column("active", new ColumnType.BooleanType(), false, "true", false, null));
        columns.add(Column.of("created_at", new ColumnType.Timestamp(6, true), false));
        columns.add(Column.of("updated_at", new ColumnType.Timestamp(6, true), true));
        columns.add(Column.of("external_id", new ColumnType.Uuid(), true));
        Table table = Table.of(name, columns)
                .withPrimaryKey(new PrimaryKey("pk_" + name, List.of("id")))
                .withIndexes(List.of(new Index("ix_" + name + "_code", List.of(IndexColumn.asc("code")), false)));
        if (r > 1) {
            columns.add(Column.of("previous_id", new ColumnType.BigInt(), true));
            table = table.withColumns(columns).withForeignKeys(List.of(new dev.autogen.schema.ForeignKey(
                    "fk_" + name + "_previous_id_" + table(r - 1), List.of("previous_id"), table(r - 1),
                    List.of("id"), dev.autogen.schema.ReferentialAction.NO_ACTION)));
        }
        return table;
    }
}
