package dev.autogen.bench;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alembic, a peer named by issue #6, on the same database: a cold {@code python3 bench/python/alembic_compare.py}
 * process that runs Alembic's autogenerate comparison ({@code compare_metadata}) with models reflected from that
 * database (the benchmark has no Python models; see the script). Optional: it runs only when Debian's
 * {@code python3-alembic} and {@code python3-psycopg2} are installed ({@code apt-get install python3-alembic
 * python3-psycopg2}), since nothing may come from PyPI; otherwise the row is left out and the reason printed.
 */
final class AlembicCompare {
    static final String COMMAND = "alembic compare_metadata (no-op, Python)";
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("bench/python/alembic_compare.py");

    private AlembicCompare() {
    }

    /** Null when Alembic can run here, else why not. */
    static String unavailableReason(Path workDir) {
        if (!Files.isExecutable(PYTHON) || !Files.isRegularFile(SCRIPT)) {
            return "no " + PYTHON + " or no " + SCRIPT + " (run from the repository root)";
        }
        ColdRun.Result probe = ColdRun.run(List.of(PYTHON.toString(), "-c", "import alembic, psycopg2"), workDir);
        return probe.exitCode() == 0 ? null
                : "Alembic is not installed (apt-get install python3-alembic python3-psycopg2)";
    }

    /** One cold comparison on the database at {@code jdbcUrl}. */
    static ColdRun.Result run(String jdbcUrl, Path workDir) {
        return ColdRun.run(List.of(PYTHON.toString(), SCRIPT.toAbsolutePath().toString(), sqlAlchemyUrl(jdbcUrl)),
                workDir).expect(COMMAND, 0);
    }

    /** The {@code phase} milliseconds the script printed ({@code PHASE compare_metadata 1234}). */
    static long phaseMillis(ColdRun.Result result, String phase) {
        return result.stdout().lines().filter(l -> l.startsWith("PHASE " + phase + " "))
                .map(l -> l.split(" ")[2]).mapToLong(Long::parseLong).findFirst().orElse(-1);
    }

    /** How many differences the comparison found ({@code DIFFERENCES n}), -1 if it did not say. */
    static long differences(ColdRun.Result result) {
        return result.stdout().lines().filter(l -> l.startsWith("DIFFERENCES "))
                .mapToLong(l -> Long.parseLong(l.substring("DIFFERENCES ".length()).strip())).findFirst().orElse(-1);
    }

    /** {@code jdbc:postgresql://host:port/db?user=u&password=p} as SQLAlchemy's psycopg2 URL. */
    static String sqlAlchemyUrl(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        String credentials = query.containsKey("user") ? encode(query.get("user"))
                + (query.containsKey("password") ? ":" + encode(query.get("password")) : "") + "@" : "";
        return "postgresql+psycopg2://" + credentials + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + uri.getRawPath();
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
