package dev.autogen.generator.cli;

import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.jpa.EntityProvenance;
import dev.autogen.generator.project.OperationExplainer;
import dev.autogen.generator.project.Project;
import dev.autogen.generator.review.HtmlReview;
import dev.autogen.generator.review.MarkdownReview;
import dev.autogen.generator.review.RevisionReview;
import dev.autogen.generator.review.RevisionReviews;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.op.Operation;
import dev.autogen.schema.Schema;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code autogen review}: revisions as a reviewer wants to see them, as Markdown for a pull-request comment or as one
 * self-contained HTML page. Reads the migrations only, except {@code --pending}, which asks the database what it has
 * applied.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Reviews revisions: message, parents, every operation with its hazards and where it comes from, "
                + "the SQL for each dialect, and the touched tables before and after (changes marked).",
                "Markdown stays under GitHub's 65536-character comment limit (cut with a note saying what was left out)."})
final class ReviewCommand implements Callable<Integer> {
    enum Format { markdown, html }

    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "REV",
            description = "A revision id or unique prefix, head, or heads (default: heads).")
    String target;

    @Option(names = "--pending", description = "Every revision the database (--url) has not applied yet.")
    boolean pending;

    @Option(names = "--format", defaultValue = "markdown", paramLabel = "FORMAT",
            description = "markdown (default; a pull-request comment) or html (one self-contained page).")
    Format format;

    @Override
    public Integer call() {
        if (pending && target != null) {
            throw new UsageException("review takes either REV or --pending, not both: drop one");
        }
        Project project = root.project();
        RevisionGraph graph = new RevisionGraph(project.migrations());
        List<String> ids = pending ? pendingIds(project, graph) : revisions(graph, target == null ? "heads" : target);
        String title = ids.isEmpty() ? "autogen review: nothing pending"
                : "autogen review: " + (pending ? "pending " : "") + ids.size() + " revision"
                        + (ids.size() == 1 ? "" : "s");
        List<RevisionReview> reviews = new RevisionReviews(graph, project.dialect(), because(project)).of(ids);
        PrintWriter out = spec.commandLine().getOut();
        out.print(switch (format) {
            case markdown -> new MarkdownReview().of(title, reviews);
            case html -> HtmlReview.of(title, reviews);
        });
        out.flush();
        return ExitCodes.OK;
    }

    private static List<String> revisions(RevisionGraph graph, String target) {
        List<String> ids = graph.isEmpty() ? List.of() : graph.absoluteTarget(target);
        if (ids.isEmpty()) {
            throw new UsageException("there is no revision to review for " + target
                    + ": review takes a revision id or unique prefix, head or heads");
        }
        return ids;
    }

    /** The revisions an upgrade to the heads would apply, in order (as {@code lint --pending} finds them). */
    private static List<String> pendingIds(Project project, RevisionGraph graph) {
        return graph.upgradePath(project.migrator().current(), "heads").stream().map(LoadedMigration::id).toList();
    }

    /**
     * Where each upgrade operation comes from, as {@code diff} says it, read from the entities as they are now; none
     * when the entity model cannot be built (the review is still useful without it).
     */
    private static java.util.function.BiFunction<Schema, List<Operation>, List<String>> because(Project project) {
        EntityProvenance[] provenance = new EntityProvenance[1];
        boolean[] tried = new boolean[1];
        return (before, operations) -> {
            if (!tried[0]) {
                tried[0] = true;
                try {
                    provenance[0] = project.entityModel().provenance();
                } catch (RuntimeException e) {
                    provenance[0] = null;
                }
            }
            return provenance[0] == null ? List.of()
                    : new OperationExplainer(before, provenance[0], project.dialect()).explain(operations);
        };
    }
}
