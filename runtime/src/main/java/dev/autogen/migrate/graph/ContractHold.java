package dev.autogen.migrate.graph;

import dev.autogen.migrate.LoadedMigration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Splits an upgrade path at its contract revisions ({@link dev.autogen.migrate.Revision#contract()}): an upgrade to
 * {@code head} or {@code heads} runs what comes before them and leaves each contract revision, and everything that
 * requires it, waiting, because the application version still running would not survive it (a dropped column, a new
 * NOT NULL). {@code --contract} ({@link dev.autogen.migrate.ContractRevisions#APPLY}) or an explicit target (a
 * revision id or prefix, {@code +N}) runs the whole path: naming a revision at or after a contract is asking for it.
 *
 * @param run     the revisions to apply now, in path order
 * @param waiting the contract revisions left waiting whose own requirements are all applied or run now (the ones to
 *                report; those behind them wait too)
 */
public record ContractHold(List<LoadedMigration> run, List<LoadedMigration> waiting) {

    public ContractHold {
        run = List.copyOf(run);
        waiting = List.copyOf(waiting);
    }

    /**
     * @param path  what {@link RevisionGraph#upgradePath} answered for {@code target}
     * @param apply whether contract revisions run even for {@code head} and {@code heads} ({@code --contract})
     */
    public static ContractHold of(RevisionGraph graph, List<LoadedMigration> path, String target, boolean apply) {
        List<String> contracts = path.stream().filter(LoadedMigration::contract).map(LoadedMigration::id).toList();
        if (apply || contracts.isEmpty() || !(target.equals("head") || target.equals("heads"))) {
            return new ContractHold(path, List.of());
        }
        Set<String> held = graph.descendantsOf(contracts);
        return new ContractHold(path.stream().filter(m -> !held.contains(m.id())).toList(),
                path.stream().filter(m -> m.contract() && RevisionGraph.requires(m).stream().noneMatch(held::contains))
                        .toList());
    }

    /**
     * The contract revisions a database at {@code current} waits for: what {@code upgrade heads} would leave waiting
     * after applying everything else.
     */
    public static ContractHold at(RevisionGraph graph, Collection<String> current) {
        return of(graph, graph.upgradePath(current, "heads"), "heads", false);
    }

    /** Whether the only revisions not applied are contract revisions (and what follows them). */
    public boolean onlyContractsPending() {
        return run.isEmpty() && !waiting.isEmpty();
    }

    /** The one line that says {@code revision} waits, and what to run when. */
    public static String waitingLine(LoadedMigration revision) {
        return "contract revision " + revision.simpleName() + " (" + revision.id() + ") waits: run autogen upgrade"
                + " --contract when every running instance is on the new version";
    }
}
