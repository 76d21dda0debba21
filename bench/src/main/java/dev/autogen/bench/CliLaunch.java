package dev.autogen.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a cold CLI run: {@code generator/autogen-java JAVA JAR ARGS}, with the JVM options and start-up
 * cache that {@code ./autogen} uses, so that every figure of the benchmark is what users get; plain
 * {@code java -jar} when that script is not there (not run from the repository root).
 */
final class CliLaunch {
    private CliLaunch() {
    }

    static List<String> command(Path cli, String... arguments) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path script = Path.of("generator", "autogen-java").toAbsolutePath();
        List<String> args = new ArrayList<>(Files.isExecutable(script)
                ? List.of(script.toString(), java, cli.toString()) : List.of(java, "-jar", cli.toString()));
        args.addAll(List.of(arguments));
        return args;
    }
}
