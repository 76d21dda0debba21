package dev.autogen.generator.review;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.generator.diff.OperationText;
import dev.autogen.generator.review.RevisionReview.ReviewedOperation;
import dev.autogen.hazard.Hazard;
import dev.autogen.hazard.Hazards;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.SchemaInterpreter;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.migrate.offline.OfflineScript;
import dev.autogen.op.Operation;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Builds {@link RevisionReview}s from the migrations alone (no database): the schema before a revision is the replay
 * of everything it requires ({@link SchemaInterpreter}), the one after it adds its upgrade, and the difference names
 * the tables to draw. The SQL is the offline script's ({@code show --sql}) for each dialect.
 */
public final class RevisionReviews {
    private final RevisionGraph graph;
    private final Dialect dialect;
    private final BiFunction<Schema, List<Operation>, List<String>> because;

    /**
     * @param dialect whose hazards are listed beside the operations
     * @param because explanations of an upgrade's operations given the schema before it (a list of nulls, or
     *                shorter, when unknown)
     */
    public RevisionReviews(RevisionGraph graph, Dialect dialect, BiFunction<Schema, List<Operation>, List<String>> because) {
        this.graph = graph;
        this.dialect = dialect;
        this.because = because;
    }

    /** The review of each of {@code ids}, in the order given. */
    public List<RevisionReview> of(List<String> ids) {
        return ids.stream().map(this::of).toList();
    }

    /** The review of revision {@code id}. */
    public RevisionReview of(String id) {
        LoadedMigration m = graph.get(graph.resolve(id));
        Schema before = null;
        Schema after = null;
        String diagramNote = null;
        try {
            before = schemaAt(m.parents());
            after = SchemaInterpreter.applyAll(before, m.upgradeOperations());
        } catch (RuntimeException e) {
            diagramNote = "no diagram: the migrations cannot be replayed without a database ("
                    + Markup.oneLine(String.valueOf(e.getMessage())) + ")";
        }
        Schema known = before;
        List<ReviewedOperation> upgrade = operations(m::upgradeChanges,
                operations -> known == null ? List.of() : because.apply(known, operations));
        List<ReviewedOperation> downgrade = operations(m::downgradeChanges, operations -> List.of());
        Map<Dialect, String> sql = new EnumMap<>(Dialect.class);
        for (Dialect each : Dialect.values()) {
            try {
                sql.put(each, new OfflineScript(each, graph, "review").statements(m.id()));
            } catch (RuntimeException e) {
                sql.put(each, "-- cannot be rendered: " + Markup.oneLine(String.valueOf(e.getMessage())) + "\n");
            }
        }
        Set<String> touched = before == null ? Set.of() : ErDiagrams.touched(before, after);
        ErDiagram beforeDiagram = before == null ? null : ErDiagrams.before(before, after, touched);
        ErDiagram afterDiagram = before == null ? null : ErDiagrams.after(before, after, touched);
        if (diagramNote == null && touched.isEmpty()) {
            diagramNote = "no diagram: the revision changes no table definition";
        }
        return new RevisionReview(m.id(), m.message(), m.parents(), graph.heads().contains(m.id()), upgrade,
                downgrade, sql, new TreeSet<>(touched), beforeDiagram, afterDiagram, diagramNote);
    }

    private Schema schemaAt(List<String> parents) {
        Set<String> applied = graph.ancestorsOf(parents);
        List<Operation> operations = new ArrayList<>();
        for (LoadedMigration each : graph.inOrder()) {
            if (applied.contains(each.id())) {
                operations.addAll(each.upgradeOperations());
            }
        }
        return SchemaInterpreter.applyAll(Schema.EMPTY, operations);
    }

    private List<ReviewedOperation> operations(java.util.function.Supplier<SchemaChanges> recorded,
                                               Function<List<Operation>, List<String>> explain) {
        SchemaChanges changes;
        try {
            changes = recorded.get();
        } catch (RuntimeException e) {
            return List.of(new ReviewedOperation("cannot be run: " + Markup.oneLine(String.valueOf(e.getMessage())),
                    List.of(), List.of(), null));
        }
        List<Operation> list = changes.operations();
        List<List<Hazard>> hazards = Hazards.of(list, dialect);
        List<String> explained;
        try {
            explained = explain.apply(list);
        } catch (RuntimeException e) {
            explained = List.of();
        }
        List<ReviewedOperation> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(new ReviewedOperation(OperationText.line(list.get(i)),
                    hazards.get(i).stream().map(Hazard::line).toList(),
                    changes.acknowledgementsOf(i).stream()
                            .map(a -> a.kind() + ": " + Markup.oneLine(a.reason())).toList(),
                    i < explained.size() ? explained.get(i) : null));
        }
        return out;
    }

}
