package dev.autogen.maven;

import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn autogen:downgrade -Dautogen.target=-1}: reverts revisions on the configured database ({@code autogen downgrade}). */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public final class DowngradeGoal extends AutogenGoal {

    /** -N, base, or a revision id or unique prefix; required, as on the command line. */
    @Parameter(property = "autogen.target")
    String target;

    @Override
    List<String> command(Properties file) throws MojoFailureException {
        if (target == null || target.isBlank()) {
            throw new MojoFailureException("autogen downgrade needs a target: mvn autogen:downgrade "
                    + "-Dautogen.target=-1 (or base, or a revision id)");
        }
        return List.of("downgrade", target.strip());
    }

    @Override
    String goal() {
        return "downgrade";
    }
}
