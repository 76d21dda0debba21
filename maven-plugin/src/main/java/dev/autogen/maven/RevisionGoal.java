package dev.autogen.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn autogen:revision -Dautogen.message="add phone"}: compiles the project, then writes the migration that
 * makes the migrations build what the entities map ({@code autogen revision}). Offline by default, against the schema
 * the existing migrations build; against the database when one is configured (and then only at its head revision).
 */
@Mojo(name = "revision", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class RevisionGoal extends AutogenGoal {

    /** What the revision does; required. */
    @Parameter(property = "autogen.message")
    String message;

    /** A fixed revision id instead of a random one (reproducible output). */
    @Parameter(property = "autogen.revisionId")
    String revisionId;

    /** Write a revision with no operations, for hand-written changes. */
    @Parameter(property = "autogen.empty", defaultValue = "false")
    boolean empty;

    /** Plan against the migrations' replay instead of a database; default: true unless a database is configured. */
    @Parameter(property = "autogen.offline")
    Boolean offline;

    /** With offline: postgresql or sqlite (default: the url's, else the command line's default). */
    @Parameter(property = "autogen.dialect")
    String dialect;

    @Override
    List<String> command(Properties file) throws MojoFailureException {
        if (message == null || message.isBlank()) {
            throw new MojoFailureException("autogen revision needs a message: mvn autogen:revision "
                    + "-Dautogen.message=\"add phone\"");
        }
        List<String> command = new ArrayList<>(List.of("revision", "-m", message.strip()));
        option(command, "--rev-id", revisionId);
        if (empty) {
            command.add("--empty");
        }
        if (offline != null ? offline : !databaseConfigured(file)) {
            command.add("--offline");
            option(command, "--dialect", dialect);
        }
        return command;
    }

    @Override
    String goal() {
        return "revision";
    }
}
