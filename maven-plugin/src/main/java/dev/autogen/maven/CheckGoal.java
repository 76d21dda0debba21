package dev.autogen.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code autogen check} in the build: bound to {@code verify}, it fails the build on entity drift, unapplied or
 * edited revisions and several heads. Offline by default (no database: the migrations are replayed and compared with
 * the entities), so CI needs none; a configured database, or {@code offline=false}, checks the live one.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public final class CheckGoal extends AutogenGoal {

    /** Compare with the migrations' replay instead of a database; default: true unless a database is configured. */
    @Parameter(property = "autogen.offline")
    Boolean offline;

    /** With offline: postgresql or sqlite (default: the url's, else the command line's default). */
    @Parameter(property = "autogen.dialect")
    String dialect;

    /** text or json. */
    @Parameter(property = "autogen.format")
    String format;

    @Override
    List<String> command(Properties file) {
        List<String> command = new ArrayList<>(List.of("check"));
        if (offline != null ? offline : !databaseConfigured(file)) {
            command.add("--offline");
            option(command, "--dialect", dialect);
        }
        option(command, "--format", format);
        return command;
    }

    @Override
    String goal() {
        return "check";
    }
}
