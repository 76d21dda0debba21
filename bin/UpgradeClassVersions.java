import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A build step (run by Maven through antrun, as a source-file program with ASM on the class path): rewrites the classes
 * under a package prefix in a jar as Java 8 class files, with the stack map frames such files carry.
 *
 * <p>Why: picocli is compiled for Java 5 (class file version 49). The JDK's start-up cache (the AOT cache of JDK 25,
 * AppCDS before it, see generator/autogen-java) cannot hold classes that old ("Old class has been linked"), so each of
 * the ~170 picocli classes a command loads was read from the jar and checked by the old type-inferring verifier on
 * every run: about 70 ms of CPU of a no-op {@code check}'s 0.8 s at 1 000 entities (bench/RESULTS.md). Rewritten, the
 * cache holds them like every other class. The bytecode is unchanged apart from the version and the frames ASM
 * computes; the output is the same for the same input (entries in their order, their times kept).
 *
 * <p>Usage: {@code java -cp asm.jar bin/UpgradeClassVersions.java JAR PREFIX} (the jar is rewritten in place).
 */
public final class UpgradeClassVersions {
    private UpgradeClassVersions() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: UpgradeClassVersions JAR PACKAGE_PREFIX (e.g. picocli/)");
        }
        Path jar = Path.of(args[0]);
        String prefix = args[1];
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        Map<String, Long> times = new HashMap<>();
        try (InputStream file = Files.newInputStream(jar); ZipInputStream in = new ZipInputStream(file)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                bodies.put(entry.getName(), in.readAllBytes());
                times.put(entry.getName(), entry.getTime());
            }
        }
        Map<String, byte[]> classes = new HashMap<>();
        bodies.forEach((name, body) -> {
            if (name.startsWith(prefix) && name.endsWith(".class")) {
                classes.put(name.substring(0, name.length() - ".class".length()), body);
            }
        });
        int upgraded = 0;
        for (Map.Entry<String, byte[]> type : classes.entrySet()) {
            byte[] rewritten = upgrade(type.getValue(), classes);
            if (rewritten != null) {
                bodies.put(type.getKey() + ".class", rewritten);
                upgraded++;
            }
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("no classes under " + prefix + " in " + jar + ": nothing to upgrade");
        }
        Path written = jar.resolveSibling(jar.getFileName() + ".upgrading");
        try (OutputStream file = Files.newOutputStream(written); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : bodies.entrySet()) {
                ZipEntry copy = new ZipEntry(entry.getKey());
                copy.setTime(times.get(entry.getKey()));
                out.putNextEntry(copy);
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        Files.move(written, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("UpgradeClassVersions: " + upgraded + " of " + classes.size() + " classes under " + prefix
                + " in " + jar.getFileName() + " rewritten as Java 8 class files");
    }

    /** The class as a Java 8 class file with computed frames, or null when it is that recent already. */
    private static byte[] upgrade(byte[] body, Map<String, byte[]> classes) {
        ClassReader reader = new ClassReader(body);
        if (reader.readShort(6) >= Opcodes.V1_8) {
            return null;
        }
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String first, String second) {
                return commonSuperClass(first, second, classes);
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    /**
     * What the verifier needs where two types meet: their nearest common superclass, read from the jar's own classes
     * (not loaded: their dependencies need not be on this class path) or from the JDK's; {@code Object} for interfaces.
     */
    private static String commonSuperClass(String first, String second, Map<String, byte[]> classes) {
        if (isInterface(first, classes) || isInterface(second, classes)) {
            return "java/lang/Object";
        }
        List<String> secondChain = superclasses(second, classes);
        for (String type : superclasses(first, classes)) {
            if (secondChain.contains(type)) {
                return type;
            }
        }
        return "java/lang/Object";
    }

    private static boolean isInterface(String type, Map<String, byte[]> classes) {
        byte[] body = classes.get(type);
        if (body != null) {
            return (new ClassReader(body).getAccess() & Opcodes.ACC_INTERFACE) != 0;
        }
        Class<?> known = jdkClass(type);
        return known != null && known.isInterface();
    }

    /** {@code type} and its superclasses up to {@code Object}. */
    private static List<String> superclasses(String type, Map<String, byte[]> classes) {
        List<String> chain = new ArrayList<>();
        for (String current = type; current != null; ) {
            chain.add(current);
            byte[] body = classes.get(current);
            if (body != null) {
                current = new ClassReader(body).getSuperName();
            } else {
                Class<?> known = jdkClass(current);
                Class<?> superclass = known == null ? null : known.getSuperclass();
                current = superclass != null ? superclass.getName().replace('.', '/')
                        : "java/lang/Object".equals(current) ? null : "java/lang/Object";
            }
        }
        return chain;
    }

    private static Class<?> jdkClass(String type) {
        try {
            return Class.forName(type.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
