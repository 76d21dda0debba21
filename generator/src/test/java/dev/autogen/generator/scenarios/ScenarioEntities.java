package dev.autogen.generator.scenarios;

import dev.autogen.generator.jpa.EntityScanner;
import dev.autogen.generator.jpa.HibernateModelReader;
import dev.autogen.migrate.discovery.JavaSourceCompiler;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entity classes of every scenario, compiled once in memory (one {@code javac} run for the whole suite) into a
 * class directory, and the schemas Hibernate's boot model gives for them, cached: each scenario's classes are scanned
 * once, and each state is read once per dialect.
 */
final class ScenarioEntities {
    private final Path classes;
    private final Map<String, List<Class<?>>> scanned = new ConcurrentHashMap<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private ScenarioEntities(Path classes) {
        this.classes = classes;
    }

    /** Compiles the sources of all {@code scenarios} at once. */
    static ScenarioEntities compile(List<Scenario> scenarios) {
        Map<String, String> sources = new HashMap<>();
        scenarios.forEach(s -> sources.putAll(s.sources()));
        try {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "scenario-classes");
            new JavaSourceCompiler().compileSources(sources).writeTo(dir);
            return new ScenarioEntities(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JPA classes of one state ({@link Scenario#BEFORE} or {@link Scenario#AFTER}) of a scenario. */
    List<Class<?>> classes(Scenario scenario, String state) {
        return scanned.computeIfAbsent(scenario.packageOf(state),
                pkg -> EntityScanner.scan(List.of(classes), List.of(pkg)));
    }

    /** The schema the entities of one state imply on {@code dialect}. */
    Schema schema(Scenario scenario, String state, Dialect dialect) {
        return schemas.computeIfAbsent(scenario.packageOf(state) + "@" + dialect,
                key -> HibernateModelReader.read(classes(scenario, state), dialect));
    }
}
