package dev.autogen.migrate.fleet;

import dev.autogen.migrate.tenants.SchemaFleet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a targets file: one target a line,
 * {@code NAME URL [user=U] [password=${ENV_VAR}] [group=G] [max-connections=N] [ledger=SCHEMA]
 * [schemas=a,b | schemas-query=SQL]},
 * blank lines and {@code #} comments ignored; {@code schemas-query=} takes the rest of its line. Secrets come only from
 * the environment: a password written in the file is refused, so the file can be committed and reviewed. The whole
 * file is checked before anything connects; the first problem is thrown as a {@link TargetsFileException} naming the
 * file and line and the fix.
 */
public final class TargetsFile {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final List<String> KEYS = List.of("user", "password", "group", "max-connections", "ledger",
            "schemas", "schemas-query");

    private TargetsFile() {
    }

    /** The targets of {@code file}, passwords read from the process environment. */
    public static List<TargetSpec> read(Path file) {
        return read(file, System.getenv());
    }

    /** The targets of {@code file}, passwords read from {@code environment}. */
    public static List<TargetSpec> read(Path file, Map<String, String> environment) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TargetsFileException("cannot read the targets file " + file + " (" + e.getClass().getSimpleName()
                    + "): check the path given to --targets");
        }
        return parse(String.valueOf(file.getFileName()), lines, environment);
    }

    /** The targets of {@code lines}; {@code fileName} is what messages call the file. */
    public static List<TargetSpec> parse(String fileName, List<String> lines, Map<String, String> environment) {
        List<TargetSpec> targets = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String where = fileName + ":" + (i + 1) + ": ";
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            TargetSpec target = line(where, line, environment);
            Integer earlier = names.putIfAbsent(target.name(), i + 1);
            if (earlier != null) {
                throw new TargetsFileException(where + "target " + target.name() + " is already named on line "
                        + earlier + ": give each target its own name");
            }
            targets.add(target);
        }
        if (targets.isEmpty()) {
            throw new TargetsFileException(fileName + ": no targets: write one a line, NAME JDBC_URL [user=..] "
                    + "[password=${ENV_VAR}] [group=G] [max-connections=N] [ledger=SCHEMA] "
                    + "[schemas=a,b|schemas-query=SQL]");
        }
        return List.copyOf(targets);
    }

    private static TargetSpec line(String where, String line, Map<String, String> environment) {
        String query = null;
        int at = line.indexOf(" schemas-query=");
        if (at >= 0) {
            query = line.substring(at + " schemas-query=".length()).strip();
            line = line.substring(0, at).strip();
            if (query.isEmpty()) {
                throw new TargetsFileException(where + "schemas-query= is empty: give a select whose first column "
                        + "names the schemas");
            }
            try {
                SchemaFleet.requireOneStatement(query);
            } catch (IllegalArgumentException e) {
                throw new TargetsFileException(where + e.getMessage());
            }
        }
        String[] words = line.split("\\s+");
        if (words.length < 2 || (words[1].contains("=") && !words[1].startsWith("jdbc:"))) {
            throw new TargetsFileException(where + "a target needs a name and a JDBC URL first: NAME jdbc:postgresql:"
                    + "//HOST:PORT/DB [key=value ...]");
        }
        String name = words[0];
        if (!NAME.matcher(name).matches()) {
            throw new TargetsFileException(where + "target name " + name + " is not a plain name: use letters, digits,"
                    + " '_', '.' and '-'");
        }
        String url = words[1];
        if (!url.startsWith("jdbc:")) {
            throw new TargetsFileException(where + "target " + name + ": the second word must be a JDBC URL "
                    + "(jdbc:postgresql://HOST:PORT/DB or jdbc:sqlite:FILE)");
        }
        if (url.contains("password=")) {
            throw new TargetsFileException(where + "target " + name + ": the URL carries a password: remove it, export "
                    + "the password in an environment variable, say DB_PASSWORD, and give ${DB_PASSWORD} as the "
                    + "password's value");
        }
        Map<String, String> values = new HashMap<>();
        for (int w = 2; w < words.length; w++) {
            int eq = words[w].indexOf('=');
            String key = eq < 0 ? words[w] : words[w].substring(0, eq);
            if (eq < 0 || !KEYS.contains(key)) {
                throw new TargetsFileException(where + "unknown setting " + words[w] + ": the settings are "
                        + String.join("=.., ", KEYS) + "=..");
            }
            if (values.put(key, words[w].substring(eq + 1)) != null) {
                throw new TargetsFileException(where + key + "= is given twice: give it once");
            }
        }
        String passwordVariable = null;
        String password = null;
        if (values.containsKey("password")) {
            Matcher m = VARIABLE.matcher(values.get("password"));
            if (!m.matches()) {
                throw new TargetsFileException(where + "target " + name + ": passwords are never written in the "
                        + "targets file: export it in an environment variable, say DB_PASSWORD, and give "
                        + "${DB_PASSWORD} as the password's value");
            }
            passwordVariable = m.group(1);
            password = environment.get(passwordVariable);
            if (password == null) {
                throw new TargetsFileException(where + "target " + name + ": environment variable " + passwordVariable
                        + " is not set: export it before running");
            }
        }
        int maxConnections = 0;
        if (values.containsKey("max-connections")) {
            try {
                maxConnections = Integer.parseInt(values.get("max-connections"));
            } catch (NumberFormatException e) {
                maxConnections = -1;
            }
            if (maxConnections < 1) {
                throw new TargetsFileException(where + "max-connections=" + values.get("max-connections")
                        + " is not a whole number of at least 1");
            }
        }
        List<String> schemas = List.of();
        if (values.containsKey("schemas")) {
            if (query != null) {
                throw new TargetsFileException(where + "target " + name + ": give schemas= or schemas-query=, not "
                        + "both");
            }
            LinkedHashSet<String> distinct = new LinkedHashSet<>();
            for (String schema : values.get("schemas").split(",", -1)) {
                if (schema.isBlank() || !distinct.add(schema)) {
                    throw new TargetsFileException(where + "schemas=" + values.get("schemas") + " has an empty or "
                            + "repeated name: list each schema once, comma-separated, no spaces");
                }
            }
            schemas = List.copyOf(distinct);
        }
        if ((!schemas.isEmpty() || query != null) && !url.startsWith("jdbc:postgresql:")) {
            throw new TargetsFileException(where + "target " + name + ": schemas need PostgreSQL; this URL has no "
                    + "schemas: drop schemas=/schemas-query=");
        }
        String ledger = values.get("ledger");
        if (ledger != null && (ledger.isEmpty() || (schemas.isEmpty() && query == null))) {
            throw new TargetsFileException(where + "target " + name + ": ledger=" + ledger + (ledger.isEmpty()
                    ? " names no schema: give the schema to keep the tenants' versions in, e.g. ledger=autogen"
                    : " keeps tenant schemas' versions, and this line names none: add schemas= or schemas-query="));
        }
        return new TargetSpec(name, url, values.get("user"), password, passwordVariable, values.get("group"),
                maxConnections, schemas, query, where.substring(0, where.length() - 2), ledger);
    }
}
