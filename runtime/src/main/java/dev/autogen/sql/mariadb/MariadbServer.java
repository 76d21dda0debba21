package dev.autogen.sql.mariadb;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which servers the MariaDB dialect runs on: MariaDB 10.11 or newer, read from the version the server reports in its handshake. A MySQL
 * server answers the same protocol, and {@code jdbc:mysql:} URLs reach it through the MariaDB driver, but MySQL has no
 * sequences and no {@code uuid} type, keeps {@code json} as a type of its own and spells defaults differently in its
 * {@code information_schema}: autogen would render DDL that MySQL refuses half-way through a revision and compare a
 * catalog it misreads. So it refuses such a server before doing anything (fail closed) rather than find out on a
 * production table; docs/comparison.md ("MySQL") lists the differences. Older MariaDB lacks what the dialect uses
 * ({@code uuid} arrived in 10.7, the tested baseline is the 10.11 long-term release).
 */
public final class MariadbServer {
    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

    private MariadbServer() {
    }

    /** Why autogen cannot run on the server that reported {@code version}, or empty when it can. */
    public static Optional<String> refusal(String version) {
        String v = version == null ? "" : version.strip();
        if (!v.toLowerCase(java.util.Locale.ROOT).contains("mariadb")) {
            return Optional.of("the server is not MariaDB (version " + v + "; MySQL?): autogen's MariaDB dialect"
                    + " runs on MariaDB 10.11 or newer only, MySQL is not supported yet (docs/comparison.md, \"MySQL\")");
        }
        // MariaDB 10 once reported itself behind a "5.5.5-" prefix for old replication clients
        Matcher m = VERSION.matcher(v.startsWith("5.5.5-") ? v.substring("5.5.5-".length()) : v);
        if (!m.find()) {
            return Optional.of("cannot read the MariaDB server's version from \"" + v + "\": autogen needs MariaDB"
                    + " 10.11 or newer");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major < 10 || (major == 10 && minor < 11)) {
            return Optional.of("MariaDB " + major + "." + minor + " is too old: autogen needs MariaDB 10.11 or newer"
                    + " (upgrade the server)");
        }
        return Optional.empty();
    }
}
