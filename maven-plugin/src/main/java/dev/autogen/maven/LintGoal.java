package dev.autogen.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn autogen:lint}: the reviewers' gate ({@code autogen lint}): fails the build when a revision in scope holds
 * a hazard nobody acknowledged in its source. With no database configured every revision is linted (the command says
 * so), which is what a pull-request build wants; with one, the revisions it has not applied yet.
 */
@Mojo(name = "lint", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public final class LintGoal extends AutogenGoal {

    /** One revision to lint (id, unique prefix, head); default: the pending ones. */
    @Parameter(property = "autogen.revision")
    String revision;

    /** Lint every revision, applied or not. */
    @Parameter(property = "autogen.all", defaultValue = "false")
    boolean all;

    /** postgresql or sqlite: whose hazards count (default: the url's). */
    @Parameter(property = "autogen.dialect")
    String dialect;

    /** Hazard kinds accepted everywhere, comma-separated, on top of lint.accept in autogen.properties. */
    @Parameter(property = "autogen.lintAccept")
    String lintAccept;

    /** text or json. */
    @Parameter(property = "autogen.format")
    String format;

    @Override
    List<String> command(Properties file) {
        List<String> command = new ArrayList<>(List.of("lint"));
        if (revision != null && !revision.isBlank()) {
            command.add(revision);
        } else if (all) {
            command.add("--all");
        }
        option(command, "--dialect", dialect);
        option(command, "--lint-accept", lintAccept);
        option(command, "--format", format);
        return command;
    }

    @Override
    String goal() {
        return "lint";
    }
}
