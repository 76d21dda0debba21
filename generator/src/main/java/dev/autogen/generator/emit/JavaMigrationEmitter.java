package dev.autogen.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.autogen.dsl.Dsl;
import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.Migration;
import dev.autogen.migrate.Revision;
import dev.autogen.op.Operation;
import dev.autogen.schema.ReferentialAction;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * Writes a plan as the Java source of one migration class, the file a developer reviews and commits. The class calls
 * only the migration DSL ({@link SchemaChanges}, {@link Dsl}), and its {@code upgrade}/{@code downgrade} record exactly
 * the operations of the spec again: generating, compiling and running a migration is a round trip, so a reviewer can
 * edit the file as ordinary code and the migrator still applies what the differ planned.
 *
 * <p>Output is a pure function of the {@link MigrationSpec}: no clock, no hash order.
 */
public final class JavaMigrationEmitter {
    private static final String REVIEW_NOTE =
            "Review it: renames appear as drop + add unless the entity says @RenamedFrom.";
    private static final int MAX_NAME_WORDS_LENGTH = 48;
    /**
     * Operations per method. javac refuses a method whose bytecode passes 64 KiB ("code too large"), which one
     * {@code upgrade} of an initial schema reaches at about 175 tables; a long plan is therefore written as
     * {@code upgrade} calling {@code upgradePart1}, {@code upgradePart2}, … of this many operations each.
     */
    static final int OPERATIONS_PER_METHOD = 25;
    /**
     * Operations per nested class. A class file holds at most 65 535 constants (every distinct table, column and
     * constraint name is two), which an initial schema of several thousand tables passes ("too many constants"); a
     * plan longer than this is therefore written as {@code upgrade} calling {@code Upgrade1.apply},
     * {@code Upgrade2.apply}, … , private nested classes (each its own class file and constant pool) of this many
     * operations each, themselves split into parts as above. 500 operations of a generous 30 distinct names each stay
     * below 32 000 constants.
     */
    static final int OPERATIONS_PER_CLASS = 500;

    /** The source of the migration class {@code spec} describes (4-space indentation, {@code \n} line ends). */
    public String emit(MigrationSpec spec) {
        DslStatements statements = new DslStatements();
        Body upgrade = body("upgrade", spec.upgrade(), spec.comments(), spec.online(), statements);
        Body downgrade = body("downgrade", spec.downgrade(), spec.downgradeComments(), Set.of(), statements);

        TypeSpec type = TypeSpec.classBuilder(spec.className())
                .addJavadoc("$L", javadoc(spec))
                .addAnnotation(revision(spec))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(Migration.class)
                .addMethod(upgrade.methods().getFirst())
                .addMethod(downgrade.methods().getFirst())
                .addMethods(upgrade.methods().subList(1, upgrade.methods().size()))
                .addMethods(downgrade.methods().subList(1, downgrade.methods().size()))
                .addTypes(upgrade.types())
                .addTypes(downgrade.types())
                .build();
        JavaFile.Builder file = JavaFile.builder(spec.packageName(), type).indent("    ").skipJavaLangImports(true);
        if (statements.usesDsl()) {
            file.addStaticImport(Dsl.class, "*");
        }
        if (statements.usesReferentialAction()) {
            file.addStaticImport(ReferentialAction.class, "*");
        }
        return file.build().toString();
    }

    /**
     * The conventional class name of migration {@code sequenceNumber}: {@code className(2, "add phone")} is
     * {@code V0002_AddPhone}. The message's ASCII words (accents dropped) become UpperCamelCase, cut at a word
     * boundary past 48 characters; a message without letters gives {@code V0003_Migration}.
     */
    public static String className(int sequenceNumber, String message) {
        if (sequenceNumber < 0) {
            throw new IllegalArgumentException("a migration number is not negative: " + sequenceNumber);
        }
        String prefix = String.format(Locale.ROOT, "V%04d_", sequenceNumber);
        // accents dropped (ä to a), so that a German or French message keeps its words
        String text = Normalizer.normalize(message == null ? "" : message, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        if (text.chars().noneMatch(c -> c < 128 && Character.isLetter(c))) {
            return prefix + "Migration";
        }
        StringBuilder words = new StringBuilder();
        for (String word : text.split("[^A-Za-z0-9]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String capitalized = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            if (words.length() + capitalized.length() > MAX_NAME_WORDS_LENGTH) {
                if (words.isEmpty()) {
                    words.append(capitalized, 0, MAX_NAME_WORDS_LENGTH);
                }
                break;
            }
            words.append(capitalized);
        }
        return prefix + words;
    }

    /** The methods of one direction (the public one first) and the nested classes it calls. */
    private record Body(List<MethodSpec> methods, List<TypeSpec> types) {
    }

    /**
     * The public method {@code name} and what it calls: nothing when the plan fits {@link #OPERATIONS_PER_METHOD},
     * private parts when it fits {@link #OPERATIONS_PER_CLASS}, else nested classes of parts.
     */
    private static Body body(String name, List<Operation> operations, Map<Integer, List<String>> commented,
                             Set<Integer> online, DslStatements statements) {
        MethodSpec.Builder method = publicMethod(name);
        if (operations.size() <= OPERATIONS_PER_CLASS) {
            List<MethodSpec> all = new ArrayList<>();
            all.add(null);
            all.addAll(parts(method, name, operations, 0, operations.size(), commented, online, statements));
            all.set(0, method.build());
            return new Body(all, List.of());
        }
        List<TypeSpec> types = new ArrayList<>();
        for (int from = 0, chunk = 1; from < operations.size(); from += OPERATIONS_PER_CLASS, chunk++) {
            int to = Math.min(operations.size(), from + OPERATIONS_PER_CLASS);
            String typeName = Character.toUpperCase(name.charAt(0)) + name.substring(1) + chunk;
            method.addStatement("$L.apply(schema)", typeName);
            MethodSpec.Builder apply = MethodSpec.methodBuilder("apply")
                    .addModifiers(Modifier.STATIC)
                    .addParameter(SchemaChanges.class, "schema");
            List<MethodSpec> parts = parts(apply, name, operations, from, to, commented, online, statements);
            types.add(TypeSpec.classBuilder(typeName)
                    .addJavadoc("Operations $L to $L of {@code $L}: a class of their own, since one class holds at most"
                            + " 65 535 constants.\n", from + 1, to, name)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .addMethod(apply.build())
                    .addMethods(parts)
                    .build());
        }
        return new Body(List.of(method.build()), types);
    }

    private static MethodSpec.Builder publicMethod(String name) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(SchemaChanges.class, "schema");
    }

    /**
     * Operations {@code from} to {@code to} (exclusive) of the plan: written into {@code caller} itself when the whole
     * plan fits {@link #OPERATIONS_PER_METHOD}, else as private static parts ({@code upgradePart1}, … numbered over
     * the whole plan) that {@code caller} calls in order, which are returned.
     */
    private static List<MethodSpec> parts(MethodSpec.Builder caller, String name, List<Operation> operations, int from,
                                          int to, Map<Integer, List<String>> commented, Set<Integer> online,
                                          DslStatements statements) {
        if (operations.size() <= OPERATIONS_PER_METHOD) {
            addOperations(caller, operations, from, to, commented, online, statements);
            return List.of();
        }
        List<MethodSpec> parts = new ArrayList<>();
        for (int start = from; start < to; start += OPERATIONS_PER_METHOD) {
            int end = Math.min(to, start + OPERATIONS_PER_METHOD);
            String partName = name + "Part" + (start / OPERATIONS_PER_METHOD + 1);
            caller.addStatement("$L(schema)", partName);
            MethodSpec.Builder partMethod = MethodSpec.methodBuilder(partName)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .addParameter(SchemaChanges.class, "schema");
            addOperations(partMethod, operations, start, end, commented, online, statements);
            parts.add(partMethod.build());
        }
        return parts;
    }

    /** Operations {@code from} (inclusive) to {@code to}, each after its comments; the last part also gets the trailing ones. */
    private static void addOperations(MethodSpec.Builder method, List<Operation> operations, int from, int to,
                                      Map<Integer, List<String>> commented, Set<Integer> online,
                                      DslStatements statements) {
        int last = to == operations.size() ? to : to - 1;
        for (int i = from; i <= last; i++) {
            for (String line : commentLines(commented.getOrDefault(i, List.of()))) {
                method.addComment("$L", line);
            }
            if (i < operations.size()) {
                CodeBlock statement = statements.statement(operations.get(i));
                method.addStatement(online.contains(i) ? CodeBlock.of("$L.online()", statement) : statement);
            }
        }
    }

    /**
     * {@code @Revision(id = "…", parent = "…", message = "…")} on one line, as a reviewer expects it. JavaPoet puts
     * each member on its own line unless the annotation has only a {@code value}, so the members are written as that
     * single value's code.
     */
    private static AnnotationSpec revision(MigrationSpec spec) {
        List<CodeBlock> members = new ArrayList<>();
        members.add(CodeBlock.of("id = $S", spec.revisionId()));
        List<CodeBlock> parents = spec.parents().stream().map(parent -> CodeBlock.of("$S", parent)).toList();
        if (parents.size() == 1) {
            members.add(CodeBlock.of("parent = $L", parents.get(0)));
        } else if (parents.size() > 1) {
            members.add(CodeBlock.of("parent = {$L}", CodeBlock.join(parents, ", ")));
        }
        if (!spec.message().isEmpty()) {
            members.add(CodeBlock.of("message = $S", spec.message()));
        }
        if (!spec.replaces().isEmpty()) {
            members.add(CodeBlock.of("replaces = {$L}",
                    CodeBlock.join(spec.replaces().stream().map(id -> CodeBlock.of("$S", id)).toList(), ", ")));
        }
        return AnnotationSpec.builder(Revision.class).addMember("value", CodeBlock.join(members, ", ")).build();
    }

    private static String javadoc(MigrationSpec spec) {
        List<String> paragraphs = new ArrayList<>();
        if (!spec.message().isBlank()) {
            paragraphs.add(javadocText(spec.message().strip()));
        }
        String description = spec.description() == null || spec.description().isBlank()
                ? "" : javadocText(spec.description().strip()) + "\n";
        paragraphs.add((paragraphs.isEmpty() ? "" : "<p>") + description + REVIEW_NOTE);
        return String.join("\n\n", paragraphs) + "\n";
    }

    /**
     * Free text made safe inside a Javadoc comment: HTML-escaped, no {@code * /} that would end the comment, no
     * backslash that javac would read as a unicode escape, no {@code @} that would start a tag.
     */
    private static String javadocText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*/", "*&#47;").replace("\\", "&#92;").replace("@", "&#64;")
                .replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Comment lines split at line breaks, with backslashes doubled so that javac reads no unicode escape. */
    private static List<String> commentLines(List<String> lines) {
        return lines.stream()
                .flatMap(line -> line.lines())
                .map(line -> line.replace("\\", "\\\\"))
                .toList();
    }
}
