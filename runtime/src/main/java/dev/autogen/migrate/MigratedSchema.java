package dev.autogen.migrate;

import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.op.AlterColumn;
import dev.autogen.op.AddColumn;
import dev.autogen.op.AlterEnumType;
import dev.autogen.op.CreateEnumType;
import dev.autogen.op.CreateTable;
import dev.autogen.op.Operation;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The schema the migrations imply before a revision runs, replayed from the revisions it requires (parents and
 * dependencies, in graph order) by {@link SchemaInterpreter}. MariaDB needs it for PostgreSQL named enums only: a
 * migration written on PostgreSQL says {@code createEnumType("tier", ...)} and then {@code native("tier")}, and
 * MariaDB's native {@code enum('FREE','PRO')} column must spell out the values the type has at that point. The replay
 * is made only for such revisions; when the revisions cannot be replayed (tables made by raw SQL), the schema is
 * empty, and a column of an unknown enum type fails on the server as before.
 */
final class MigratedSchema {
    private MigratedSchema() {
    }

    /** Whether {@code operations} create or alter an enum type, or give a column a type that could name one. */
    static boolean involvesNamedEnums(List<Operation> operations) {
        return operations.stream().anyMatch(op -> switch (op) {
            case CreateEnumType c -> true;
            case AlterEnumType a -> true;
            case CreateTable c -> c.table().columns().stream().anyMatch(MigratedSchema::mayNameAnEnum);
            case AddColumn a -> mayNameAnEnum(a.column());
            case AlterColumn a -> mayNameAnEnum(a.to());
            default -> false;
        });
    }

    /**
     * The schema before {@code revision} runs: after every revision it requires, and for a downgrade after the
     * revision itself too (it is being reverted).
     */
    static Schema before(RevisionGraph graph, LoadedMigration revision, boolean upgrade) {
        Set<String> required = graph.ancestorsOf(List.of(revision.id()));
        List<Operation> operations = new ArrayList<>();
        for (LoadedMigration m : graph.inOrder()) {
            if (required.contains(m.id()) && (!upgrade || !m.id().equals(revision.id()))) {
                operations.addAll(m.upgradeOperations());
            }
        }
        try {
            return SchemaInterpreter.applyAll(Schema.EMPTY, operations);
        } catch (RuntimeException e) {
            return Schema.EMPTY;
        }
    }

    private static boolean mayNameAnEnum(Column column) {
        return column.type() instanceof ColumnType.Native n && n.sql().matches("[A-Za-z_][A-Za-z0-9_]*");
    }
}
