package dev.autogen.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn autogen:upgrade [-Dautogen.target=+1]}: applies the migrations to the configured database ({@code autogen upgrade}). */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public final class UpgradeGoal extends AutogenGoal {

    /** head (default), heads, +N, or a revision id or unique prefix. */
    @Parameter(property = "autogen.target")
    String target;

    /** Also apply contract revisions ({@code autogen upgrade --contract}, docs/zero-downtime.md). */
    @Parameter(property = "autogen.contract", defaultValue = "false")
    boolean contract;

    @Override
    List<String> command(Properties file) {
        List<String> command = new ArrayList<>(List.of("upgrade"));
        if (target != null && !target.isBlank()) {
            command.add(target.strip());
        }
        if (contract) {
            command.add("--contract");
        }
        return command;
    }

    @Override
    String goal() {
        return "upgrade";
    }
}
