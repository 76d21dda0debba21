package dev.autogen.generator.jpa;

import dev.autogen.migrate.discovery.CacheDigest;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The key of one entity model in the {@link EntityModelCache}: a SHA-256 over everything that shapes the schema the
 * Hibernate model reader produces, so that any change to it gives another key and a stale model is never read.
 *
 * <p>What goes in, and why each:
 * <ul>
 *   <li>the bytes of every file in the class directories of the entity class path ({@code target/classes}): the
 *       entities, embeddables, mapped superclasses, converters, enums, {@code package-info} classes and any
 *       {@code hibernate.properties} live there, and a class that is not scanned (an enum in another package) still
 *       shapes the model. Hashing them reads each byte once, less than loading the classes costs, and a file
 *       whose size and times did not change is not read again (its digest is kept, see {@code FileDigests});</li>
 *   <li>the path, size and modification time of every jar on it (dependencies are rebuilt, never edited in place), or,
 *       with no class path, of autogen's own class path (where the bundled sample entities are);</li>
 *   <li>the packages to scan and the dialect;</li>
 *   <li>Hibernate's version and its jar, and autogen's own code (its jar, or every class file of its class
 *       directories): a new Hibernate or a new model reader may read the same classes differently.</li>
 * </ul>
 * A class directory with too many files is not worth keying by (a class path of
 * {@code .} at the root of a home directory): no key, no cache.
 */
final class EntityModelKey {
    /** Bumped when the cache entry's layout changes. */
    private static final String FORMAT = "autogen-entity-model-4";

    private EntityModelKey() {
    }

    /**
     * The key of the model of the entities in {@code packages} on {@code classpath} for {@code dialect}.
     *
     * @throws IOException when the class path cannot be read (the caller then does without the cache)
     */
    static String of(List<Path> classpath, List<String> packages, Dialect dialect) throws IOException {
        return of(classpath, packages, dialect, Arrays.asList(codeSource(org.hibernate.Version.class),
                codeSource(EntityModelKey.class), codeSource(Schema.class)));
    }

    /** {@link #of(List, List, Dialect)} with the jars or directories of Hibernate's and autogen's code given. */
    static String of(List<Path> classpath, List<String> packages, Dialect dialect, List<Path> toolCode)
            throws IOException {
        MessageDigest digest = CacheDigest.sha256();
        CacheDigest.text(digest, FORMAT);
        CacheDigest.text(digest, "java " + Runtime.version().feature());
        CacheDigest.text(digest, "dialect " + dialect.name());
        CacheDigest.text(digest, "packages " + String.join(",", packages));
        CacheDigest.text(digest, "hibernate " + org.hibernate.Version.getVersionString());
        CacheDigest.text(digest, "code");
        for (Path code : toolCode) {
            CacheDigest.identity(digest, code, false);
        }
        CacheDigest.text(digest, "classpath");
        if (classpath.isEmpty()) {
            for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    CacheDigest.identity(digest, Path.of(entry), false);
                }
            }
        } else {
            for (Path entry : classpath) {
                CacheDigest.identity(digest, entry, true);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The jar or class directory {@code type} was loaded from, or null when the JVM does not say. */
    private static Path codeSource(Class<?> type) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
