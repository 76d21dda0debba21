package dev.autogen.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Liquibase + liquibase-hibernate, a peer named by issue #6, on the same entities and database: a cold JVM running
 * {@link LiquibaseDiff} (Liquibase's {@code diff}, the entities as reference, the database as target). Liquibase's
 * jars are not in the shaded bench jar: Maven copies them to {@code bench/target/liquibase-lib} (the {@code bench}
 * profile's build does), and that process alone has them on its class path, with the bench jar's Hibernate (the
 * benchmark's version) and the compiled model. Optional: without that directory the row is left out and the reason
 * printed. This class is what {@link BenchMain} calls; it never touches a Liquibase class itself.
 */
final class LiquibaseCompare {
    static final String COMMAND = "liquibase diff (hibernate reference, no-op)";
    private static final Path LIB = Path.of("bench/target/liquibase-lib");
    /** By name: loading {@link LiquibaseDiff} here would need Liquibase on the bench's class path. */
    private static final String MAIN = "dev.autogen.bench.LiquibaseDiff";

    private LiquibaseCompare() {
    }

    /** Null when Liquibase can run here, else why not. */
    static String unavailableReason() {
        if (jar("liquibase-core-") == null || jar("liquibase-hibernate7-") == null) {
            return "no Liquibase jars in " + LIB + " (build with: mvn -B -Pbench -pl bench -am package -DskipTests;"
                    + " run from the repository root)";
        }
        return null;
    }

    /**
     * Writes {@code dir/hibernate.cfg.xml}: the PostgreSQL dialect and a {@code <mapping class>} for every class of
     * the compiled model (the {@code hibernate:classic:} reference of liquibase-hibernate); returns its path.
     */
    static Path writeConfiguration(Path model, Path dir) {
        String mappings = HibernateValidate.classNames(model).stream()
                .map(name -> "    <mapping class=\"" + name + "\"/>")
                .collect(Collectors.joining("\n"));
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- written by the benchmark (LiquibaseCompare): every entity of the model, for liquibase-hibernate -->
                <hibernate-configuration>
                  <session-factory>
                    <property name="hibernate.dialect">org.hibernate.dialect.PostgreSQLDialect</property>
                %s
                  </session-factory>
                </hibernate-configuration>
                """.formatted(mappings);
        try {
            Files.createDirectories(dir);
            Path cfg = dir.resolve("hibernate.cfg.xml");
            Files.writeString(cfg, xml);
            return cfg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One cold diff of the entities listed in {@code cfg} against the database at {@code jdbcUrl}. */
    static ColdRun.Result run(Path cfg, Path benchJar, Path model, String jdbcUrl, Path workDir) {
        // Hibernate's Configuration.configure(name) reads a class path resource: the file's directory goes there too
        String classPath = String.join(File.pathSeparator, LIB.toAbsolutePath() + File.separator + "*",
                benchJar.toString(), model.toString(), cfg.getParent().toString());
        Path report = cfg.resolveSibling("diff-report.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return ColdRun.run(List.of(java, ColdRun.LAUNCH_MILLIS, "-Dliquibase.analytics.enabled=false", "-cp",
                classPath, MAIN, cfg.getFileName().toString(), jdbcUrl, report.toString()), workDir)
                .expect(COMMAND, 0);
    }

    /** The {@code key n} total the child printed ({@code DIFFERENCES n}, {@code CHANGES n}), -1 if it did not. */
    static long total(ColdRun.Result result, String key) {
        return result.stdout().lines().filter(l -> l.startsWith(key + " "))
                .mapToLong(l -> Long.parseLong(l.substring(key.length() + 1).strip())).findFirst().orElse(-1);
    }

    /** The breakdown of {@code prefix} lines ({@code differences changed column 12}) as "12 changed column, ...". */
    static String breakdown(ColdRun.Result result, String prefix) {
        return result.stdout().lines().filter(l -> l.startsWith(prefix + " "))
                .map(l -> l.substring(prefix.length() + 1))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1) + " " + l.substring(0, l.lastIndexOf(' ')))
                .collect(Collectors.joining(", "));
    }

    /** The row's note: what the last run found, and where its time went. */
    static String note(ColdRun.Result result) {
        long changes = total(result, "CHANGES");
        return "found " + total(result, "DIFFERENCES") + " differences at head (" + breakdown(result, "differences")
                + "); diff-changelog would write " + changes + " changes" + (changes > 0 ? " (" + breakdown(result, "changes")
                + ")" : "") + "; phases of the last run: " + result.stdout().lines().filter(l -> l.startsWith("phase "))
                .map(l -> l.substring(6, l.lastIndexOf(' ')) + " " + l.substring(l.lastIndexOf(' ') + 1) + " ms")
                .collect(Collectors.joining(", "));
    }

    private static Path jar(String prefix) {
        if (!Files.isDirectory(LIB)) {
            return null;
        }
        try (Stream<Path> files = Files.list(LIB)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
