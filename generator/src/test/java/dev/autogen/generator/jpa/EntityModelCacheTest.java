package dev.autogen.generator.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.diff.OperationText;
import dev.autogen.generator.diff.SchemaDiffer;
import dev.autogen.generator.testing.EntitySources;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The entity-model cache answers only for exactly the inputs it was written from: each kind of input that shapes the
 * model (a field, an annotation attribute, a converter's type, a {@code package-info} annotation, an enum that is
 * not scanned itself, the packages, the dialect, Hibernate's jar) is changed in turn, and the next load must miss and
 * give the schema Hibernate itself reads now, differing from the old one by the expected plan. A damaged entry is a
 * miss, never an error.
 */
class EntityModelCacheTest {
    private static final String PACKAGE = "cachetest.model";

    private Path work;
    private Path classes;
    private EntityModelCache cache;
    private EntitySources sources;

    @BeforeEach
    void compileTheModel() throws IOException {
        work = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"))),
                "entity-model-cache");
        cache = EntityModelCache.at(work.resolve("cache"));
        sources = new EntitySources(work, PACKAGE);
        sources.put("Customer", """
                package cachetest.model;

                import jakarta.persistence.*;

                @Entity
                @Table(name = "customer")
                public class Customer {
                    @Id
                    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shared")
                    private Long id;

                    @Column(name = "name", length = 40, nullable = false)
                    private String name;

                    @Enumerated(EnumType.STRING)
                    @Column(name = "status", length = 20)
                    private Status status;

                    @Column(name = "balance")
                    private Money balance;

                    @ElementCollection
                    @CollectionTable(name = "customer_tag")
                    @Column(name = "tag", nullable = false, length = 30)
                    private java.util.Set<String> tags;
                }
                """);
        sources.put("Status", """
                package cachetest.model;

                public enum Status { ACTIVE, CLOSED }
                """);
        sources.put("Money", """
                package cachetest.model;

                public record Money(long cents) {}
                """);
        sources.put("MoneyConverter", """
                package cachetest.model;

                import jakarta.persistence.*;

                @Converter(autoApply = true)
                public class MoneyConverter implements AttributeConverter<Money, Long> {
                    public Long convertToDatabaseColumn(Money money) { return money == null ? null : money.cents(); }
                    public Money convertToEntityAttribute(Long cents) { return cents == null ? null : new Money(cents); }
                }
                """);
        sources.put("package-info", """
                @SequenceGenerator(name = "shared", sequenceName = "shared_seq", allocationSize = 10)
                package cachetest.model;

                import jakarta.persistence.SequenceGenerator;
                """);
        classes = sources.compile();
    }

    @Test
    void aSecondLoadOfUnchangedClassesComesFromTheCacheWithTheSameSchema() {
        Schema read = load(Dialect.POSTGRESQL, false);
        Schema cached = load(Dialect.POSTGRESQL, true);
        assertEquals(read, cached);
        assertEquals(uncached(Dialect.POSTGRESQL), cached);
        assertTrue(read.table("customer").isPresent(), read::toString);
    }

    @Test
    void aHitGivesBackEverythingACommandReadsWithoutBooting() {
        EntityModelCache.Entry read;
        try (EntityModel model = EntityModel.load(List.of(classes), List.of(PACKAGE), Dialect.POSTGRESQL, cache)) {
            read = new EntityModelCache.Entry(model.schema(), model.renameHints(), model.derivedKeyOrder());
        }
        assertTrue(read.derivedKeyOrder().isHibernatesChoice("customer_tag"), read::toString);
        try (EntityModel model = EntityModel.load(List.of(classes), List.of(PACKAGE), Dialect.POSTGRESQL, cache)) {
            assertTrue(model.fromCache());
            assertEquals(read, new EntityModelCache.Entry(model.schema(), model.renameHints(), model.derivedKeyOrder()));
            assertFalse(model.booted(), "schema, rename hints and key order must not need Hibernate on a hit");
        }
    }

    /** One change to one input, and the plan it must give from the model before it. */
    enum Mutation {
        A_FIELD("Customer", "private Money balance;", "private Money balance;\n    private String phone;",
                "AddColumn customer phone varchar(255) null"),
        AN_ANNOTATION_ATTRIBUTE("Customer", "length = 40", "length = 80",
                "AlterColumn customer name varchar(40) -> varchar(80)"),
        A_CONVERTERS_TYPE("MoneyConverter", "AttributeConverter<Money, Long>", "AttributeConverter<Money, String>",
                null),
        A_PACKAGE_INFO_ANNOTATION("package-info", "allocationSize = 10", "allocationSize = 25", null),
        AN_ENUM_THAT_IS_NOT_SCANNED("Status", "ACTIVE, CLOSED", "ACTIVE, CLOSED, FROZEN", null);

        final String file;
        final String from;
        final String to;
        /** The one plan line expected, or null where only "a miss, and Hibernate's answer" is asserted. */
        final String expected;

        Mutation(String file, String from, String to, String expected) {
            this.file = file;
            this.from = from;
            this.to = to;
            this.expected = expected;
        }
    }

    @ParameterizedTest
    @EnumSource(Mutation.class)
    void everyChangedInputMisses(Mutation mutation) throws IOException {
        Schema before = load(Dialect.POSTGRESQL, false);
        load(Dialect.POSTGRESQL, true);
        sources.edit(mutation.file, mutation.from, mutation.to);
        if (mutation == Mutation.A_CONVERTERS_TYPE) {
            sources.edit(mutation.file, "Long convertToDatabaseColumn", "String convertToDatabaseColumn")
                    .edit(mutation.file, "money.cents()", "Long.toString(money.cents())")
                    .edit(mutation.file, "convertToEntityAttribute(Long cents)", "convertToEntityAttribute(String cents)")
                    .edit(mutation.file, "new Money(cents)", "new Money(Long.parseLong(cents))");
        }
        sources.compile();
        Schema after = load(Dialect.POSTGRESQL, false);
        assertEquals(uncached(Dialect.POSTGRESQL), after);
        List<String> plan = new SchemaDiffer(Dialect.POSTGRESQL).diff(before, after).stream()
                .map(OperationText::line).toList();
        assertFalse(plan.isEmpty(), mutation + " changed the model, so the plan cannot be empty");
        if (mutation.expected != null) {
            assertEquals(List.of(mutation.expected), plan);
        }
        assertEquals(after, load(Dialect.POSTGRESQL, true), "the changed model is cached in turn");
    }

    @Test
    void anotherDialectOrPackageListIsAnotherEntry() {
        load(Dialect.POSTGRESQL, false);
        load(Dialect.POSTGRESQL, true);
        Schema sqlite = load(Dialect.SQLITE, false);
        assertEquals(uncached(Dialect.SQLITE), sqlite);
        try (EntityModel wider = EntityModel.load(List.of(classes), List.of(PACKAGE, "cachetest"), Dialect.POSTGRESQL,
                cache)) {
            assertFalse(wider.fromCache());
        }
    }

    @Test
    void anotherHibernateJarIsAnotherKey() throws IOException {
        Path hibernate = Files.writeString(work.resolve("hibernate-core.jar"), "a jar");
        List<Path> code = List.of(hibernate);
        String first = EntityModelKey.of(List.of(classes), List.of(PACKAGE), Dialect.POSTGRESQL, code);
        assertEquals(first, EntityModelKey.of(List.of(classes), List.of(PACKAGE), Dialect.POSTGRESQL, code));
        Files.setLastModifiedTime(hibernate, FileTime.fromMillis(Files.getLastModifiedTime(hibernate).toMillis()
                + 60_000));
        assertNotEquals(first, EntityModelKey.of(List.of(classes), List.of(PACKAGE), Dialect.POSTGRESQL, code));
        Files.writeString(hibernate, "another jar");
        assertNotEquals(first, EntityModelKey.of(List.of(classes), List.of(PACKAGE), Dialect.POSTGRESQL, code));
    }

    /** What a damaged entry is made into: each must be a miss and leave a good entry behind. */
    enum Damage {
        TRUNCATED, EMPTY, GARBAGE, BODY_CHANGED
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedEntryIsAMissNeverAnError(Damage damage) throws IOException {
        Schema read = load(Dialect.POSTGRESQL, false);
        Path entry = onlyEntry();
        byte[] bytes = Files.readAllBytes(entry);
        byte[] damaged = switch (damage) {
            case TRUNCATED -> java.util.Arrays.copyOf(bytes, bytes.length / 2);
            case EMPTY -> new byte[0];
            case GARBAGE -> "not a cache entry at all, just some bytes".getBytes();
            case BODY_CHANGED -> {
                byte[] copy = bytes.clone();
                copy[copy.length - 3] ^= 0x5a;
                yield copy;
            }
        };
        Files.write(entry, damaged);
        assertEquals(read, load(Dialect.POSTGRESQL, false));
        assertEquals(read, load(Dialect.POSTGRESQL, true));
    }

    @Test
    void anEntryNamingAForeignTypeIsRefused() throws IOException {
        load(Dialect.POSTGRESQL, false);
        Path entry = onlyEntry();
        byte[] body = RecordCodec.encode(new EntityModelCache.Entry(Schema.EMPTY,
                dev.autogen.generator.diff.RenameHints.NONE, dev.autogen.generator.diff.DerivedKeyOrder.NONE));
        String text = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("dev.autogen.schema.Schema", "javax.script.ScriptEngine");
        byte[] foreign = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256").digest(foreign);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Files.write(entry, java.nio.ByteBuffer.allocate(digest.length + foreign.length).put(digest).put(foreign)
                .array());
        load(Dialect.POSTGRESQL, false);
    }

    @Test
    void aDisabledCacheWritesNothing() {
        try (EntityModel model = EntityModel.load(List.of(classes), List.of(PACKAGE), Dialect.POSTGRESQL,
                EntityModelCache.disabled())) {
            assertFalse(model.fromCache());
            assertTrue(model.schema().table("customer").isPresent());
        }
        assertFalse(Files.exists(work.resolve("cache")));
    }

    /** Loads the model through the cache, asserting whether it came from there, and returns its schema. */
    private Schema load(Dialect dialect, boolean expectHit) {
        try (EntityModel model = EntityModel.load(List.of(classes), List.of(PACKAGE), dialect, cache)) {
            assertEquals(expectHit, model.fromCache(), expectHit ? "expected a cache hit" : "expected a miss");
            return model.schema();
        }
    }

    /** What Hibernate reads from the classes now, with no cache involved. */
    private Schema uncached(Dialect dialect) {
        try (EntityModel model = EntityModel.load(List.of(classes), List.of(PACKAGE), dialect,
                EntityModelCache.disabled())) {
            return model.schema();
        }
    }

    private Path onlyEntry() throws IOException {
        try (Stream<Path> files = Files.list(work.resolve("cache"))) {
            List<Path> entries = files.toList();
            assertEquals(1, entries.size(), entries::toString);
            return entries.get(0);
        }
    }
}
