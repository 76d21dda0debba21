package dev.autogen.generator.cli;

import dev.autogen.migrate.Migrator;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code autogen repair}: the lasting way past the refusal of {@code upgrade} and {@code downgrade} over an applied
 * revision edited since it ran (Flyway's {@code repair}). It records the migrations' current checksums as
 * {@code repair} history rows and changes nothing else, so the audit trail keeps the original checksum and says when
 * the edit was accepted.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Re-records the checksums of applied revisions edited since they ran, as repair rows in the "
                + "history (nothing else changes).",
                "Afterwards validate, check, upgrade and downgrade accept those edits."})
final class RepairCommand implements Callable<Integer> {
    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Migrator migrator = root.project().migrator().withListener(line -> {
            out.println(line);
            out.flush();
        });
        List<String> repaired = migrator.repair();
        out.println(repaired.isEmpty() ? "Nothing to repair: every applied revision matches its recorded checksum."
                : "Repaired " + repaired.size() + " revision" + (repaired.size() == 1 ? "" : "s") + " ("
                        + String.join(", ", repaired) + "): the history now holds their current checksums.");
        out.flush();
        return ExitCodes.OK;
    }
}
