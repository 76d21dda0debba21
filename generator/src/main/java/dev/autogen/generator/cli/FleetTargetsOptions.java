package dev.autogen.generator.cli;

import dev.autogen.generator.config.UsageException;
import dev.autogen.migrate.fleet.TargetSpec;
import dev.autogen.migrate.fleet.TargetsFile;
import dev.autogen.migrate.fleet.TargetsFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --targets FILE} and {@code --group G} of {@code upgrade}, {@code downgrade}, {@code current}, {@code check},
 * {@code validate} and {@code lint}: run over the databases and tenant schemas a targets file lists (docs/fleets.md) instead of the one
 * {@code --url}.
 */
final class FleetTargetsOptions {
    @Option(names = "--targets", paramLabel = "FILE",
            description = "Many databases and tenant schemas, one target a line: NAME JDBC_URL [user=U] "
                    + "[password=${ENV_VAR}] [group=G] [max-connections=N] [schemas=a,b|schemas-query=SQL] "
                    + "(docs/fleets.md).")
    Path targets;

    @Option(names = "--group", paramLabel = "G", description = "With --targets: only the targets of group G.")
    String group;

    boolean active() {
        return targets != null;
    }

    /** Refuses --group without --targets and --targets with --url or --schemas. */
    void validate(AutogenCommand root, SchemaFleetOptions schemas) {
        if (!active()) {
            if (group != null) {
                throw new UsageException("--group selects targets of a targets file: add --targets FILE");
            }
            return;
        }
        if (root.url != null) {
            throw new UsageException("--targets lists the databases itself: drop --url (or drop --targets)");
        }
        if (schemas != null && schemas.active()) {
            throw new UsageException("--targets lists each target's schemas (schemas= in the file): drop --schemas"
                    + " and --schemas-query");
        }
    }

    /** The file's targets; a problem in the file is a usage error naming file:line (exit 2). */
    List<TargetSpec> specs() {
        try {
            return TargetsFile.read(targets);
        } catch (TargetsFileException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
