package dev.autogen.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn autogen:diff}: compiles the project, then prints what {@code revision} would write against the configured
 * database, each operation with where it comes from ({@code autogen diff}); writes nothing. For the comparison with no
 * database, {@code autogen:check} lists the operations too.
 */
@Mojo(name = "diff", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class DiffGoal extends AutogenGoal {

    /** text, json or sql. */
    @Parameter(property = "autogen.format")
    String format;

    @Override
    List<String> command(Properties file) {
        List<String> command = new ArrayList<>(List.of("diff"));
        option(command, "--format", format);
        return command;
    }

    @Override
    String goal() {
        return "diff";
    }
}
