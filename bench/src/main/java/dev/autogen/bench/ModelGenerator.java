package dev.autogen.bench;

import dev.autogen.migrate.discovery.JavaSourceCompiler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a synthetic JPA model of N entities with the shape issue #6 asks for, and compiles it into a class-path
 * directory. The model is deterministic: the same N (and the same {@code changed} flag) always gives the same
 * sources, so figures from different runs and machines measure the same thing.
 *
 * <p>Shape of entity {@code i} (table {@code entity_NNNN}): an identity key, 10 to 25 columns in all, of mixed types
 * (varchar, numeric, integer, bigint, boolean, date, timestamp, uuid, double, an enum with its check constraint), one
 * to three {@code @ManyToOne} foreign keys to earlier entities, one or two indexes, a unique constraint on every third
 * table, a {@code @ManyToMany} join table on every tenth, and a JSON column on every fifth. With {@code changed}, the
 * entity in the middle gets one more nullable column ({@code bench_note}): the "small change" {@code autogen diff}
 * is timed on.
 */
final class ModelGenerator {
    static final String PACKAGE = "bench.model";
    private static final long SEED = 0x6A0_7E5EL;

    private final int entities;
    private final boolean changed;

    ModelGenerator(int entities, boolean changed) {
        this.entities = entities;
        this.changed = changed;
    }

    /** File name (relative to a source root) to source text, for every class of the model. */
    Map<String, String> sources() {
        Map<String, String> sources = new TreeMap<>();
        String dir = PACKAGE.replace('.', '/') + "/";
        sources.put(dir + "Status.java", "package " + PACKAGE + ";\n\npublic enum Status { DRAFT, ACTIVE, ARCHIVED }\n");
        Random random = new Random(SEED);
        for (int i = 0; i < entities; i++) {
            sources.put(dir + className(i) + ".java", entity(i, random));
        }
        return sources;
    }

    /** Compiles the model into {@code classesDir} (a class-path root) and returns the number of classes written. */
    int compileTo(Path classesDir) {
        JavaSourceCompiler.CompiledClasses classes = new JavaSourceCompiler().compileSources(sources());
        classes.writeTo(classesDir);
        return classes.classNames().size();
    }

    static String className(int i) {
        return String.format("Entity%04d", i);
    }

    static String tableName(int i) {
        return String.format("entity_%04d", i);
    }

    private String entity(int i, Random random) {
        String table = tableName(i);
        int totalColumns = 10 + random.nextInt(16);
        int foreignKeys = i == 0 ? 0 : 1 + random.nextInt(3);
        List<String> fields = new ArrayList<>();
        List<String> plainColumns = new ArrayList<>();
        fields.add("    @Id\n    @GeneratedValue(strategy = GenerationType.IDENTITY)\n    Long id;\n");
        TreeSet<Integer> targets = new TreeSet<>();
        for (int k = 0; k < foreignKeys; k++) {
            targets.add(random.nextInt(i));
        }
        int k = 0;
        for (int target : targets) {
            boolean required = random.nextBoolean();
            fields.add("    @ManyToOne(fetch = FetchType.LAZY" + (required ? ", optional = false" : "") + ")\n"
                    + "    @JoinColumn(name = \"ref" + k + "_id\"" + (required ? ", nullable = false" : "") + ")\n"
                    + "    " + className(target) + " ref" + k + ";\n");
            k++;
        }
        boolean json = i % 5 == 4;
        boolean enumColumn = i % 4 == 1;
        int remaining = totalColumns - 1 - targets.size() - (json ? 1 : 0) - (enumColumn ? 1 : 0);
        fields.add("    @Column(name = \"code\", length = 40, nullable = false)\n    String code;\n");
        plainColumns.add("code");
        for (int c = 1; c < remaining; c++) {
            String name = "c" + c;
            plainColumns.add(name);
            fields.add(plainField(name, random.nextInt(9), random));
        }
        if (enumColumn) {
            fields.add("    @Enumerated(EnumType.STRING)\n    @Column(name = \"status\", length = 16, nullable = false)\n"
                    + "    Status status;\n");
        }
        if (json) {
            fields.add("    @JdbcTypeCode(SqlTypes.JSON)\n    @Column(name = \"attributes\")\n    String attributes;\n");
        }
        if (i % 10 == 9) {
            int target = random.nextInt(i);
            String joinTable = table + "_links";
            fields.add("    @ManyToMany\n    @JoinTable(name = \"" + joinTable + "\", joinColumns = @JoinColumn(name = \"owner_id\"),\n"
                    + "            inverseJoinColumns = @JoinColumn(name = \"target_id\"))\n"
                    + "    Set<" + className(target) + "> links;\n");
        }
        if (changed && i == entities / 2) {
            fields.add("    @Column(name = \"bench_note\", length = 80)\n    String benchNote;\n");
        }
        List<String> indexes = new ArrayList<>();
        indexes.add("@Index(name = \"ix_" + table + "_c1\", columnList = \"" + plainColumns.get(1) + "\")");
        if (plainColumns.size() > 3 && random.nextBoolean()) {
            indexes.add("@Index(name = \"ix_" + table + "_c2_c3\", columnList = \"" + plainColumns.get(2) + ", "
                    + plainColumns.get(3) + "\")");
        }
        String unique = i % 3 == 0
                ? ",\n        uniqueConstraints = @UniqueConstraint(name = \"uq_" + table + "_code\", columnNames = \"code\")"
                : "";
        return "package " + PACKAGE + ";\n\n"
                + "import jakarta.persistence.*;\n"
                + "import java.math.BigDecimal;\n"
                + "import java.time.*;\n"
                + "import java.util.Set;\n"
                + "import java.util.UUID;\n"
                + "import org.hibernate.annotations.JdbcTypeCode;\n"
                + "import org.hibernate.type.SqlTypes;\n\n"
                + "@Entity\n"
                + "@Table(name = \"" + table + "\",\n        indexes = {" + String.join(", ", indexes) + "}" + unique + ")\n"
                + "public class " + className(i) + " {\n"
                + String.join("\n", fields)
                + "}\n";
    }

    private static String plainField(String name, int kind, Random random) {
        boolean required = random.nextInt(3) == 0;
        String nullable = required ? ", nullable = false" : "";
        return switch (kind) {
            case 0 -> "    @Column(name = \"" + name + "\", length = " + (20 + 20 * random.nextInt(10)) + nullable
                    + ")\n    String " + name + ";\n";
            case 1 -> "    @Column(name = \"" + name + "\", precision = 12, scale = 2" + nullable + ")\n    BigDecimal "
                    + name + ";\n";
            case 2 -> "    @Column(name = \"" + name + "\"" + nullable + ")\n    Integer " + name + ";\n";
            case 3 -> "    @Column(name = \"" + name + "\"" + nullable + ")\n    Long " + name + ";\n";
            case 4 -> "    @Column(name = \"" + name + "\"" + nullable + ")\n    Boolean " + name + ";\n";
            case 5 -> "    @Column(name = \"" + name + "\"" + nullable + ")\n    LocalDate " + name + ";\n";
            case 6 -> "    @Column(name = \"" + name + "\"" + nullable + ")\n    Instant " + name + ";\n";
            case 7 -> "    @Column(name = \"" + name + "\"" + nullable + ")\n    UUID " + name + ";\n";
            default -> "    @Column(name = \"" + name + "\"" + nullable + ")\n    Double " + name + ";\n";
        };
    }
}
