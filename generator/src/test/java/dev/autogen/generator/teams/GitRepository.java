package dev.autogen.generator.teams;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away git repository driven through the real {@code git} command line, so that a test sees exactly what a
 * developer's merge does (conflicts included). Identity and configuration come from the command line, never from the
 * machine's global settings.
 */
record GitRepository(Path root) {

    static GitRepository create(String prefix) throws IOException {
        Path root = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), prefix);
        GitRepository repository = new GitRepository(root);
        repository.run("init", "-q", "-b", "main");
        return repository;
    }

    void commitAll(String message) {
        run("add", "-A");
        run("commit", "-q", "-m", message);
    }

    /** The paths git reports as unmerged. */
    List<String> conflictedFiles() {
        return run("diff", "--name-only", "--diff-filter=U").lines().toList();
    }

    /** Runs git and returns its output; fails the test when git fails. */
    String run(String... args) {
        Result result = git(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " exited " + result.exitCode() + ":\n"
                    + result.output());
        }
        return result.output();
    }

    /** Runs git and returns its exit code (a merge that stops on a conflict exits 1). */
    int exitCode(String... args) {
        return git(args).exitCode();
    }

    private record Result(int exitCode, String output) {
    }

    private Result git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=autogen test", "-c",
                "user.email=test@example.invalid", "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            throw new AssertionError("cannot run git: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running git", e);
        }
    }
}
