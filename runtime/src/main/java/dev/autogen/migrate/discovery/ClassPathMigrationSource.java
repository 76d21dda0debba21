package dev.autogen.migrate.discovery;

import dev.autogen.migrate.LoadedMigration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Compiled migrations in one package (not its sub-packages) on a class loader: how an application that migrates at
 * start-up finds the migrations packaged in its own jar. Both exploded directories ({@code file:}) and jars
 * ({@code jar:}) are scanned.
 */
public final class ClassPathMigrationSource implements MigrationSource {
    private final ClassLoader loader;
    private final String packageName;

    public ClassPathMigrationSource(ClassLoader loader, String packageName) {
        this.loader = loader;
        this.packageName = packageName;
    }

    @Override
    public List<LoadedMigration> load() {
        String path = packageName.replace('.', '/');
        TreeSet<String> classNames = new TreeSet<>();
        int locations = 0;
        try {
            var resources = loader.getResources(path);
            while (resources.hasMoreElements()) {
                URL url = resources.nextElement();
                locations++;
                switch (url.getProtocol()) {
                    case "file" -> scanDirectory(Path.of(url.toURI()), classNames);
                    case "jar" -> scanJar(url, path, classNames);
                    default -> throw new MigrationSourceException("cannot list classes of package " + packageName
                            + " at " + url + " — put the migrations in a directory or jar on the class path");
                }
            }
            if (locations == 0) {
                locations = scanRuntimeJar(path, classNames);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list package " + packageName, e);
        } catch (URISyntaxException e) {
            throw new MigrationSourceException("cannot read package location: " + e.getMessage(), e);
        }
        if (locations == 0) {
            throw new MigrationSourceException("migrations package " + packageName
                    + " is not on the class path — check --migrations-package and --classpath");
        }
        List<LoadedMigration> migrations = new ArrayList<>();
        for (String name : classNames) {
            MigrationClasses.read(load(name), null).ifPresent(migrations::add);
        }
        migrations.sort(Comparator.comparing(LoadedMigration::className));
        return List.copyOf(migrations);
    }

    @Override
    public String describe() {
        return "package " + packageName;
    }

    private Class<?> load(String name) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MigrationSourceException("cannot load migration class " + name + ": " + e
                    + " — rebuild the migrations against this autogen runtime", e);
        }
    }

    private void scanDirectory(Path directory, TreeSet<String> classNames) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            files.map(f -> f.getFileName().toString())
                    .filter(ClassPathMigrationSource::isTopLevelClassFile)
                    .forEach(f -> classNames.add(packageName + "." + f.substring(0, f.length() - ".class".length())));
        }
    }

    private void scanJar(URL url, String path, TreeSet<String> classNames) throws IOException {
        var connection = url.openConnection();
        if (!(connection instanceof JarURLConnection jarConnection)) {
            throw new MigrationSourceException("cannot open " + url + " as a jar");
        }
        jarConnection.setUseCaches(false);
        try (JarFile jar = jarConnection.getJarFile()) {
            addEntries(jar, path, classNames);
        }
    }

    /**
     * A jar built without directory entries (some shading setups) has no resource for the package itself; when the
     * migrations are packaged in the same jar as this runtime, list that jar's entries directly.
     */
    private int scanRuntimeJar(String path, TreeSet<String> classNames) throws IOException {
        Path runtime = JavaSourceCompiler.codeSource(dev.autogen.migrate.Migration.class);
        if (runtime == null || !Files.isRegularFile(runtime)) {
            return 0;
        }
        int before = classNames.size();
        try (JarFile jar = new JarFile(runtime.toFile())) {
            addEntries(jar, path, classNames);
        }
        return classNames.size() > before ? 1 : 0;
    }

    private void addEntries(JarFile jar, String path, TreeSet<String> classNames) {
        String prefix = path + "/";
        for (JarEntry entry : jar.stream().toList()) {
            String name = entry.getName();
            if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                String file = name.substring(prefix.length());
                if (isTopLevelClassFile(file)) {
                    classNames.add(packageName + "." + file.substring(0, file.length() - ".class".length()));
                }
            }
        }
    }

    private static boolean isTopLevelClassFile(String fileName) {
        return fileName.endsWith(".class") && fileName.indexOf('$') < 0 && !fileName.equals("package-info.class");
    }
}
