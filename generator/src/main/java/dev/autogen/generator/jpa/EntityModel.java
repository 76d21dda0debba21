package dev.autogen.generator.jpa;

import dev.autogen.generator.diff.DerivedKeyOrder;
import dev.autogen.generator.diff.RenameHints;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The entities of one command and everything autogen reads from their Hibernate boot model: the schema they imply,
 * where each table and column comes from, and their rename hints. A boot takes Hibernate most of a second (several at
 * a thousand entities), so each dialect's model is built at most once, and only when something asks for it; the
 * readers ({@link HibernateModelReader}, {@link EntityProvenance}, {@link RenameHintsReader}) all read the models
 * held here.
 *
 * <p>Which models are built:
 * <ul>
 *   <li>On PostgreSQL, one: the PostgreSQL model gives everything.</li>
 *   <li>On SQLite, two, and that second boot is needed: column types are always read from the PostgreSQL model (so
 *       an entity gives the same logical types on both databases, see {@link LogicalTypes}), while the tables and
 *       constraints come from the SQLite model, because Hibernate's model of them depends on the dialect (SQLite has
 *       no sequences, so each one is a one-column table there, which the schema must show). The
 *       provenance and rename hints read the SQLite model, the one whose table names the schema has. This is the
 *       only place a command boots Hibernate twice.</li>
 * </ul>
 *
 * <p>{@link #load} first asks the {@link EntityModelCache}: when no input changed since a run that read the same
 * entities, the schema and rename hints come from there and no model is built at all, unless something asks for what
 * only a model knows ({@link #provenance()}, {@code diff}'s explanations), which then scans and boots as usual.
 *
 * <p>The models' service registries stay open until {@link #close()} (reading column types needs them); they hold no
 * connection (the boot is offline, see {@link OfflineMetadata}), so a command that simply ends without closing leaks
 * nothing outside its JVM.
 */
public final class EntityModel implements AutoCloseable {
    private final Supplier<List<Class<?>>> scan;
    private List<Class<?>> classes;
    private final Dialect dialect;
    private final boolean fromCache;
    private OfflineMetadata postgres;
    private OfflineMetadata target;
    private Schema schema;
    private EntityProvenance provenance;
    private RenameHints renameHints;
    private CitusLayout citusLayout;
    private DerivedKeyOrder derivedKeyOrder;
    /** Where a miss still has to write its entry ({@link #cacheWrite()}), or null. */
    private EntityModelCache pendingCache;
    private String pendingKey;

    private EntityModel(Supplier<List<Class<?>>> scan, Dialect dialect, EntityModelCache.Entry cached) {
        this.scan = scan;
        this.dialect = dialect;
        this.fromCache = cached != null;
        if (cached != null) {
            this.schema = cached.schema();
            this.renameHints = cached.renameHints();
            this.derivedKeyOrder = cached.derivedKeyOrder();
        }
    }

    /**
     * The model of {@code entityClasses} (entity, embeddable, mapped-superclass and package-info classes, as
     * {@link EntityScanner} finds them) for {@code dialect}. Builds nothing yet.
     */
    public static EntityModel of(List<Class<?>> entityClasses, Dialect dialect) {
        List<Class<?>> classes = List.copyOf(entityClasses);
        return new EntityModel(() -> classes, dialect, null);
    }

    /**
     * The model of the entities {@link EntityScanner#scan} finds in {@code packages} on {@code classpath}: from
     * {@code cache} when it holds the answer for exactly these inputs (see {@link EntityModelKey}), else read by
     * Hibernate now and stored there.
     *
     * @throws EntityModelException when the classes cannot be found or Hibernate cannot map them
     */
    public static EntityModel load(List<Path> classpath, List<String> packages, Dialect dialect,
                                   EntityModelCache cache) {
        EntityModel model = loadUnstored(classpath, packages, dialect, cache,
                cache.enabled() ? cacheKey(classpath, packages, dialect) : null);
        model.cacheWrite().run();
        return model;
    }

    /**
     * {@link #load} with the key already computed ({@link #cacheKey}; null: no cache), leaving a miss's entry
     * unwritten until {@link #cacheWrite()} runs: a caller can hand the model over first and write meanwhile.
     *
     * @throws EntityModelException when the classes cannot be found or Hibernate cannot map them
     */
    public static EntityModel loadUnstored(List<Path> classpath, List<String> packages, Dialect dialect,
                                           EntityModelCache cache, String key) {
        Supplier<List<Class<?>>> scan = () -> EntityScanner.scan(classpath, packages);
        Optional<EntityModelCache.Entry> hit = key == null || !cache.enabled() ? Optional.empty() : cache.read(key);
        if (hit.isPresent()) {
            return new EntityModel(scan, dialect, hit.get());
        }
        EntityModel model = new EntityModel(scan, dialect, null);
        if (key != null && cache.enabled()) {
            model.pendingCache = cache;
            model.pendingKey = key;
        }
        return model;
    }

    /**
     * Writes the cache entry of a model that {@link #loadUnstored} read through Hibernate (a miss), once; nothing for a
     * hit or without a cache. The entry is taken now, on the calling thread (reading the schema, rename hints and key
     * order, Hibernate's boot if not done yet); the returned task only encodes and writes that immutable entry, so it may
     * run on any thread while this model is used elsewhere.
     */
    public Runnable cacheWrite() {
        if (pendingCache == null) {
            return () -> { };
        }
        EntityModelCache cache = pendingCache;
        String key = pendingKey;
        EntityModelCache.Entry entry = new EntityModelCache.Entry(schema(), renameHints(), derivedKeyOrder());
        pendingCache = null;
        pendingKey = null;
        return () -> cache.write(key, entry);
    }

    /**
     * The {@link EntityModelCache} key of these inputs ({@link EntityModelKey}), or null when they cannot be keyed (the
     * model is then read every time). Cheap: it reads the class files' bytes, it loads none of them.
     */
    public static String cacheKey(List<Path> classpath, List<String> packages, Dialect dialect) {
        try {
            return EntityModelKey.of(classpath, packages, dialect);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether the schema and rename hints came from the {@link EntityModelCache} (no Hibernate boot so far). */
    public boolean fromCache() {
        return fromCache;
    }

    /** Whether a Hibernate boot model was built (a cache hit builds none unless explanations are asked for). */
    public boolean booted() {
        return postgres != null || target != null;
    }

    /** The entity classes; scanned now when the model came from the cache. */
    public List<Class<?>> classes() {
        if (classes == null) {
            classes = List.copyOf(scan.get());
        }
        return classes;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * The schema the entities imply on this dialect (see {@link HibernateModelReader}).
     *
     * @throws EntityModelException when Hibernate cannot map the classes
     */
    public Schema schema() {
        if (schema == null) {
            schema = EntityLoadFailure.guarded(() -> HibernateModelReader.read(postgres(), target(), dialect));
        }
        return schema;
    }

    /**
     * Where each table and column of {@link #schema()} comes from (see {@link EntityProvenance}).
     *
     * @throws EntityModelException when Hibernate cannot map the classes
     */
    public EntityProvenance provenance() {
        if (provenance == null) {
            provenance = EntityLoadFailure.guarded(() -> EntityProvenance.read(target().metadata()));
        }
        return provenance;
    }

    /**
     * The Citus tables the entities declare ({@link CitusLayoutReader}); builds no model when no class mentions one.
     *
     * @throws EntityModelException when Hibernate cannot map the classes, or a declaration contradicts itself
     */
    public CitusLayout citusLayout() {
        if (citusLayout == null) {
            citusLayout = EntityLoadFailure.guarded(() -> CitusLayoutReader.mentionsAny(classes())
                    ? CitusLayoutReader.read(target().metadata()) : CitusLayout.NONE);
        }
        return citusLayout;
    }

    /**
     * The renames the entities declare (see {@link RenameHintsReader}); builds no model when no class mentions a hint.
     *
     * @throws EntityModelException when Hibernate cannot map the classes
     */
    public RenameHints renameHints() {
        if (renameHints == null) {
            renameHints = EntityLoadFailure.guarded(() -> RenameHintsReader.mentionsAnyHint(classes())
                    ? RenameHintsReader.read(target().metadata()) : RenameHints.NONE);
        }
        return renameHints;
    }

    /**
     * The tables whose primary-key column order is Hibernate's choice (collection and join tables, see
     * {@link DerivedKeyOrder}), read from the model whose table names the schema has.
     *
     * @throws EntityModelException when Hibernate cannot map the classes
     */
    public DerivedKeyOrder derivedKeyOrder() {
        if (derivedKeyOrder == null) {
            derivedKeyOrder = CollectionKeys.read(target().metadata());
        }
        return derivedKeyOrder;
    }

    /** The PostgreSQL boot model: the column types on every dialect. */
    private OfflineMetadata postgres() {
        if (postgres == null) {
            postgres = OfflineMetadata.build(classes(), Dialect.POSTGRESQL);
        }
        return postgres;
    }

    /** The boot model of this model's dialect: the same object as {@link #postgres()} on PostgreSQL. */
    private OfflineMetadata target() {
        if (target == null) {
            target = dialect == Dialect.POSTGRESQL ? postgres() : OfflineMetadata.build(classes(), dialect);
        }
        return target;
    }

    /** Releases the boot models' service registries; what was read from them stays valid. */
    @Override
    public void close() {
        if (target != null && target != postgres) {
            target.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        target = null;
        postgres = null;
    }
}
