package dev.autogen.generator.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code autogen completion}: prints the bash completion script picocli generates from this very command tree, so
 * commands and options complete as they are, never as a hand-kept list remembers them. zsh runs the same script
 * through its bash compatibility ({@code autoload -U +X bashcompinit && bashcompinit} first).
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a bash completion script for autogen (zsh: run 'autoload -U +X bashcompinit && "
                + "bashcompinit' first).",
                "Install it with: autogen completion > ~/.local/share/bash-completion/completions/autogen",
                "or for this shell only: source <(autogen completion)"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        out.flush();
        return ExitCodes.OK;
    }
}
