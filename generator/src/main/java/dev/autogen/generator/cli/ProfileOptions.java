package dev.autogen.generator.cli;

import dev.autogen.generator.config.UsageException;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.ServerProfile;
import dev.autogen.sql.Dialect;
import picocli.CommandLine.Option;

/**
 * {@code --profile postgresql|cockroachdb|yugabytedb} of {@code upgrade} and {@code downgrade} (with {@code --sql} and
 * {@code --targets} too): the server behind the PostgreSQL protocol ({@link ServerProfile}). CockroachDB's and
 * YugabyteDB's commit each statement of a revision alone and record the revision after the last; CockroachDB's takes
 * the lease lock unless {@code --lock} says otherwise. See docs/distributed.md.
 */
final class ProfileOptions {
    @Option(names = "--profile", paramLabel = "SERVER",
            description = "postgresql (default), cockroachdb or yugabytedb: the latter two run each statement of a "
                    + "revision in its own transaction and record the revision after the last; cockroachdb takes the "
                    + "lease lock unless --lock says otherwise (docs/distributed.md).")
    String profile;

    /** The profile {@code --profile} names (default PostgreSQL's). */
    ServerProfile profile() {
        if (profile == null) {
            return ServerProfile.POSTGRESQL;
        }
        try {
            return ServerProfile.parse(profile);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--profile " + profile + " is not a server profile: use postgresql, cockroachdb"
                    + " or yugabytedb");
        }
    }

    /** The profile for a script or run on {@code dialect}; a server profile on SQLite or MariaDB is a usage error. */
    ServerProfile profileFor(Dialect dialect) {
        ServerProfile chosen = profile();
        if (chosen != ServerProfile.POSTGRESQL && dialect != Dialect.POSTGRESQL) {
            throw new UsageException("--profile " + chosen + " is for servers that speak PostgreSQL's protocol, not "
                    + dialect.displayName() + ": drop it");
        }
        return chosen;
    }

    /** {@code migrator} under the profile (apply {@code --lock} after it: the profile sets the default lock). */
    Migrator applyTo(Migrator migrator) {
        if (profile == null) {
            return migrator;
        }
        try {
            return migrator.withProfile(profile());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Refuses {@code --profile} where it is not supported (a run over several schemas of one database). */
    void refuseFor(String where) {
        if (profile != null) {
            throw new UsageException("--profile is not supported with " + where + " yet: list the schemas in a"
                    + " targets file (--targets) instead");
        }
    }
}
