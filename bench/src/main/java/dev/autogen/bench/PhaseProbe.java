package dev.autogen.bench;

import dev.autogen.generator.catalog.PostgresCatalogReader;
import dev.autogen.generator.catalog.SqlExpressions;
import dev.autogen.generator.diff.SchemaDiffer;
import dev.autogen.generator.emit.JavaMigrationEmitter;
import dev.autogen.generator.emit.MigrationSpec;
import dev.autogen.generator.jpa.EntityModel;
import dev.autogen.generator.jpa.EntityModelCache;
import dev.autogen.generator.jpa.EntityScanner;
import dev.autogen.generator.jpa.HibernateModelReader;
import dev.autogen.generator.project.UnmanagedTables;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.discovery.SourceDirectoryMigrationSource;
import dev.autogen.migrate.history.MigrationChecksum;
import dev.autogen.op.Operation;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * autogen's phases one by one, in one cold JVM, each timed with {@code System.nanoTime()}: time to main (from the
 * launcher's clock, passed as {@code -Dbench.launched}), entity scan, Hibernate metadata
 * ({@link HibernateModelReader#read}), connecting, catalog read ({@link PostgresCatalogReader#read}, with its number
 * of round trips), the no-op diff ({@code check}'s), the initial diff against an empty catalog and the emission of
 * that initial migration ({@code -m}'s), and, given a migrations directory, compiling
 * its migrations in memory (what {@code check} and {@code upgrade} do first), their checksums and their replay
 * (what {@code check} does with them besides). Prints {@code phase <name> <millis>} and {@code count <name> <n>} lines.
 *
 * <p>Usage: {@code java -Dbench.launched=MILLIS -cp autogen-bench.jar dev.autogen.bench.PhaseProbe MODEL_DIR URL [MIGRATIONS_DIR]}.
 */
public final class PhaseProbe {
    private PhaseProbe() {
    }

    public static void main(String[] args) throws Exception {
        long main = System.currentTimeMillis();
        printTimeToMain(main);
        Path classes = Path.of(args[0]);
        String url = args[1];

        long t0 = System.nanoTime();
        List<Class<?>> entities = EntityScanner.scan(List.of(classes), List.of(ModelGenerator.PACKAGE));
        long t1 = System.nanoTime();
        printPhase("entity scan", t0, t1);
        Schema entitySchema = HibernateModelReader.read(entities, Dialect.POSTGRESQL);
        long t2 = System.nanoTime();
        printPhase("hibernate metadata", t1, t2);
        printCount("entity tables", entitySchema.tables().size());
        EntityModelCache cache = EntityModelCache.at(Files.createTempDirectory("bench-model-cache"));
        try (EntityModel miss = EntityModel.load(List.of(classes), List.of(ModelGenerator.PACKAGE), Dialect.POSTGRESQL,
                cache)) {
            miss.schema();
        }
        long c0 = System.nanoTime();
        try (EntityModel hit = EntityModel.load(List.of(classes), List.of(ModelGenerator.PACKAGE), Dialect.POSTGRESQL,
                cache)) {
            if (!hit.fromCache() || !hit.schema().equals(entitySchema)) {
                throw new IllegalStateException("the entity-model cache did not give back the model it was given");
            }
        }
        printPhase("entity model from its cache (key over the classes + read; replaces scan and metadata)", c0,
                System.nanoTime());

        Schema catalog;
        PostgresCatalogReader reader = new PostgresCatalogReader();
        long t3 = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url)) {
            long t4 = System.nanoTime();
            printPhase("connect", t3, t4);
            catalog = reader.read(connection, null);
            printPhase("catalog read", t4, System.nanoTime());
        }
        printCount("catalog round trips", reader.lastRoundTrips());
        printCount("catalog tables", catalog.tables().size());

        SchemaDiffer differ = new SchemaDiffer(Dialect.POSTGRESQL, SqlExpressions::canonical);
        long t5 = System.nanoTime();
        List<Operation> noop = differ.diff(catalog, entitySchema);
        long t6 = System.nanoTime();
        printPhase("diff (no-op, as check)", t5, t6);
        printCount("no-op diff operations", noop.size());
        List<Operation> initial = differ.diff(Schema.EMPTY, entitySchema);
        long t7 = System.nanoTime();
        printPhase("diff (initial, as -m)", t6, t7);
        printCount("initial operations", initial.size());

        List<Operation> downgrade = new ArrayList<>(initial.stream().map(Operation::reverse).toList());
        Collections.reverse(downgrade);
        String source = new JavaMigrationEmitter().emit(new MigrationSpec("bench.migrations", "V0001_Initial",
                "bench00000001", List.of(), "initial", "benchmark", initial, downgrade));
        printPhase("emit (initial migration)", t7, System.nanoTime());
        printCount("emitted characters", source.length());

        if (args.length > 2) {
            long t8 = System.nanoTime();
            List<LoadedMigration> migrations = new SourceDirectoryMigrationSource(Path.of(args[2])).load();
            long t9 = System.nanoTime();
            printPhase("compile migrations (as check, upgrade)", t8, t9);
            printCount("migrations compiled", migrations.size());
            migrations.forEach(MigrationChecksum::of);
            long t10 = System.nanoTime();
            printPhase("migration checksums (as check's validation)", t9, t10);
            UnmanagedTables.of(migrations).createdByMigration("-"); // forces the replay, which check now skips unless a table is dropped
            printPhase("replay migrations (as check's unmanaged tables)", t10, System.nanoTime());
        }
    }

    static void printTimeToMain(long mainMillis) {
        String launched = System.getProperty("bench.launched");
        if (launched != null) {
            System.out.println("phase jvm start (to main) " + (mainMillis - Long.parseLong(launched)));
        }
    }

    static void printPhase(String name, long startNanos, long endNanos) {
        System.out.println("phase " + name + " " + (endNanos - startNanos) / 1_000_000);
    }

    static void printCount(String name, long count) {
        System.out.println("count " + name + " " + count);
    }
}
