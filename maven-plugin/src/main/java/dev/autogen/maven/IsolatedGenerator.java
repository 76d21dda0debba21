package dev.autogen.maven;

import java.io.File;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Runs the autogen command line in a class loader of its own: the plugin's dependency jars (the generator, its
 * Hibernate 7, JDBC drivers, javac front end) under the JDK's platform loader, so that neither Maven's own classes
 * (its SLF4J, Guice, Plexus) nor the project's libraries (its own Hibernate, perhaps 6.6) are visible to it. The
 * project's compiled classes and dependencies are handed to the command line as {@code --classpath}: the generator
 * loads the entities in a child loader whose parent is this one, so Jakarta Persistence and Hibernate annotations are
 * autogen's, whatever version the project compiled against.
 *
 * <p>The call crosses the class-loader boundary through {@code AutogenCommand.run(Writer, Writer, String...)}, whose
 * signature has JDK types only. The thread's context class loader is this loader during the call (Hibernate looks up
 * services through it) and is restored after.
 */
final class IsolatedGenerator {
    private static final String ENTRY_POINT = "dev.autogen.generator.cli.AutogenCommand";

    private IsolatedGenerator() {
    }

    /**
     * @param jars the plugin's dependency jars ({@code ${plugin.artifacts}})
     * @return the command line's exit code
     */
    static int run(List<File> jars, Writer out, Writer err, List<String> args) throws MojoExecutionException {
        List<URL> urls = new ArrayList<>();
        for (File jar : jars) {
            try {
                urls.add(jar.toURI().toURL());
            } catch (MalformedURLException e) {
                throw new MojoExecutionException("autogen: cannot use plugin dependency " + jar, e);
            }
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader("autogen-generator", urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(loader);
            Method run = loader.loadClass(ENTRY_POINT).getMethod("run", Writer.class, Writer.class, String[].class);
            return (Integer) run.invoke(null, out, err, args.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            throw new MojoExecutionException("autogen failed unexpectedly: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new MojoExecutionException("autogen: cannot start the generator from the plugin's jars (" + e
                    + "): check the plugin's dependencies", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
