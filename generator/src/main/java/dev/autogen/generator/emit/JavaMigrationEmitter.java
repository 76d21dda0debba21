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

    /** The source of the migration class {@code spec} describes (4-space indentation, {@code \n} line ends). */
    public String emit(MigrationSpec spec) {
        DslStatements statements = new DslStatements();
        List<MethodSpec> upgrade = methods("upgrade", spec.upgrade(), spec, statements);
        List<MethodSpec> downgrade = methods("downgrade", spec.downgrade(), null, statements);

        TypeSpec type = TypeSpec.classBuilder(spec.className())
                .addJavadoc("$L", javadoc(spec))
                .addAnnotation(revision(spec))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(Migration.class)
                .addMethod(upgrade.getFirst())
                .addMethod(downgrade.getFirst())
                .addMethods(upgrade.subList(1, upgrade.size()))
                .addMethods(downgrade.subList(1, downgrade.size()))
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

    /**
     * The public method {@code name}, then the private parts it calls when the plan is longer than
     * {@link #OPERATIONS_PER_METHOD}.
     */
    private static List<MethodSpec> methods(String name, List<Operation> operations, MigrationSpec commented,
                                            DslStatements statements) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(SchemaChanges.class, "schema");
        if (operations.size() <= OPERATIONS_PER_METHOD) {
            addOperations(method, operations, 0, operations.size(), commented, statements);
            return List.of(method.build());
        }
        List<MethodSpec> all = new ArrayList<>();
        all.add(null);
        for (int from = 0, part = 1; from < operations.size(); from += OPERATIONS_PER_METHOD, part++) {
            int to = Math.min(operations.size(), from + OPERATIONS_PER_METHOD);
            String partName = name + "Part" + part;
            method.addStatement("$L(schema)", partName);
            MethodSpec.Builder partMethod = MethodSpec.methodBuilder(partName)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .addParameter(SchemaChanges.class, "schema");
            addOperations(partMethod, operations, from, to, commented, statements);
            all.add(partMethod.build());
        }
        all.set(0, method.build());
        return all;
    }

    /** Operations {@code from} (inclusive) to {@code to}, each after its comments; the last part also gets the trailing ones. */
    private static void addOperations(MethodSpec.Builder method, List<Operation> operations, int from, int to,
                                      MigrationSpec commented, DslStatements statements) {
        int last = to == operations.size() ? to : to - 1;
        for (int i = from; i <= last; i++) {
            if (commented != null) {
                for (String line : commentLines(commented.commentsBefore(i))) {
                    method.addComment("$L", line);
                }
            }
            if (i < operations.size()) {
                method.addStatement(statements.statement(operations.get(i)));
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
