package dev.autogen.generator.failclosed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.cli.AutogenCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15, item 6: {@code --verbose} never prints a password, however it was given: in the URL's user-info part, as a
 * URL parameter, with {@code --password} or {@code AUTOGEN_PASSWORD}; not in the error line, not in the chained
 * causes and stack trace, not in what the JDBC driver logs. The real process, so that every output path (the
 * driver's java.util.logging lines included) is seen.
 */
class VerbosePasswordTest {
    private static final String SECRET = "Zq7secretXw";

    @ParameterizedTest
    @ValueSource(strings = {
            // user-info on an unreachable port, and on a host that does not resolve
            "--url jdbc:postgresql://app:" + SECRET + "@127.0.0.1:1/db",
            "--url jdbc:postgresql://app:" + SECRET + "@nohost.invalid/db",
            // user-info that pgjdbc reads as host and port ("port Zq7secretXw@... is not valid")
            "--url jdbc:postgresql://app:" + SECRET + "@127.0.0.1/db",
            // a password parameter
            "--url jdbc:postgresql://127.0.0.1:1/db?user=app&password=" + SECRET,
            // the option and the environment
            "--url jdbc:postgresql://127.0.0.1:1/db --user app --password " + SECRET,
            "--url jdbc:postgresql://127.0.0.1:1/db --user app env:" + SECRET})
    void noOutputPathPrintsThePassword(String options) throws Exception {
        Path dir = FailClosedRun.scratch("verbose-password");
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                AutogenCommand.class.getName(), "--verbose", "--migrations", migrations.toString()));
        String environmentPassword = null;
        for (String option : options.split(" ")) {
            if (option.startsWith("env:")) {
                environmentPassword = option.substring(4);
            } else {
                command.add(option);
            }
        }
        command.add("current");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        if (environmentPassword != null) {
            builder.environment().put("AUTOGEN_PASSWORD", environmentPassword);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(3, process.exitValue(), output);
        // with --verbose the driver's own log lines may come first (pgjdbc: "JDBC URL invalid port number: ***@host")
        assertTrue(output.contains("autogen: cannot connect to jdbc:postgresql://"), output);
        assertTrue(output.contains("\tat "), "--verbose prints the stack trace:\n" + output);
        assertFalse(output.contains(SECRET), output);
        assertFalse(output.contains(SECRET.substring(2)), output);
    }
}
