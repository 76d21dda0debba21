package dev.autogen.generator.cli;

import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.daemon.DaemonClient;
import dev.autogen.generator.daemon.DaemonDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code autogen daemon status|stop}: the check daemons ({@code AUTOGEN_DAEMON=on}, docs/daemon.md) of this user's,
 * listed or stopped. Reads no project: the daemons' directory is all it needs.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = "Lists (status) or stops (stop) the check daemons that AUTOGEN_DAEMON=on starts.")
final class DaemonCommand implements Callable<Integer> {
    enum Action { status, stop }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "status or stop.")
    Action action;

    @Override
    public Integer call() {
        DaemonDirectory directory;
        try {
            directory = DaemonDirectory.resolve(System.getenv());
        } catch (DaemonDirectory.Unusable e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            switch (action) {
                case status -> {
                    List<String> daemons = DaemonClient.statuses(directory);
                    if (daemons.isEmpty()) {
                        out.println("No check daemon is running (" + directory.path() + ").");
                    }
                    daemons.forEach(out::println);
                }
                case stop -> {
                    int stopped = DaemonClient.stopAll(directory);
                    out.println(stopped == 0 ? "No check daemon was running." : "Stopped " + stopped
                            + (stopped == 1 ? " check daemon." : " check daemons."));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
