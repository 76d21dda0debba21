package dev.autogen.maven;

import java.util.List;
import java.util.Properties;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn autogen:history}: every revision, applied or pending, and what the database recorded ({@code autogen history}). */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public final class HistoryGoal extends AutogenGoal {

    @Override
    List<String> command(Properties file) {
        return List.of("history");
    }

    @Override
    String goal() {
        return "history";
    }
}
