package dev.autogen.generator.cli;

import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.diff.OperationText;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.op.Operation;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Shows a revision: its message, parents, dependencies, and the operations of its upgrade and "
                + "downgrade, one line each.", "Needs no database."})
final class ShowCommand implements Callable<Integer> {
    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "REV", description = "A revision id or unique prefix, head, or heads.")
    String target;

    @Override
    public Integer call() {
        RevisionGraph graph = new RevisionGraph(root.project().migrations());
        List<String> ids = "base".equals(target) ? List.of() : graph.absoluteTarget(target);
        if (ids.isEmpty()) {
            throw new UsageException("there is no revision to show for " + target
                    + ": show takes a revision id or unique prefix, head or heads");
        }
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) {
                out.println();
            }
            print(out, graph, graph.get(ids.get(i)));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, RevisionGraph graph, LoadedMigration m) {
        boolean head = graph.heads().contains(m.id());
        out.println("Revision:   " + m.id() + (head ? " (head)" : "") + (m.parents().size() > 1 ? " (merge)" : ""));
        out.println("Message:    " + m.message());
        out.println("Class:      " + m.className());
        out.println("Parents:    " + (m.parents().isEmpty() ? "<base>" : String.join(", ", m.parents())));
        if (!m.dependsOn().isEmpty()) {
            out.println("Depends on: " + String.join(", ", m.dependsOn()));
        }
        operations(out, "Upgrade", m::upgradeOperations);
        operations(out, "Downgrade", m::downgradeOperations);
    }

    private static void operations(PrintWriter out, String title, Supplier<List<Operation>> operations) {
        List<Operation> list;
        try {
            list = operations.get();
        } catch (RuntimeException e) {
            out.println(title + ": cannot be run: " + ErrorHandler.oneLine(String.valueOf(e.getMessage())));
            return;
        }
        out.println(title + " (" + list.size() + " operation" + (list.size() == 1 ? "" : "s") + ")"
                + (list.isEmpty() ? "" : ":"));
        for (Operation operation : list) {
            out.println("  " + OperationText.line(operation));
        }
    }
}
