package dev.autogen.generator.jpa;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns a failure to load or read the entities (a class missing from {@code --classpath}: {@code NoClassDefFoundError},
 * {@code ClassNotFoundException}, an annotation naming a type that is not there; or another linkage error) into one
 * {@link EntityModelException} that names the missing class and the fix. Such a failure is bad input (exit 2), never
 * drift: before this, a field whose type was not on the classpath escaped as an {@code Error} with a stack trace and
 * exit 1, which a CI job reads as "entities changed without a migration".
 */
public final class EntityLoadFailure {
    /** How deep a cause chain is searched: Hibernate wraps a few times, a cycle must not loop forever. */
    private static final int MAX_CAUSES = 20;

    private EntityLoadFailure() {
    }

    /** Runs {@code read} (a scan or a boot of the entities), turning a missing class into an {@link EntityModelException}. */
    static <T> T guarded(Supplier<T> read) {
        try {
            return read.get();
        } catch (EntityModelException e) {
            if (e.getCause() != null && missingClass(e.getCause()).isPresent()) {
                throw explained(e.getCause());
            }
            throw e;
        } catch (RuntimeException | LinkageError e) {
            if (missingClass(e).isPresent() || e instanceof LinkageError) {
                throw explained(e);
            }
            throw e;
        }
    }

    /** One line for {@code failure}: the class that is missing and the fix, or what did not link. */
    public static EntityModelException explained(Throwable failure) {
        Optional<String> missing = missingClass(failure);
        if (missing.isPresent()) {
            return new EntityModelException("cannot load the entities: class " + missing.get() + " is missing"
                    + " (an entity, a field's type or an annotation needs it): add the jar or directory that has it"
                    + " to --classpath", failure);
        }
        return new EntityModelException("cannot load the entities: " + failure + ": the classes on --classpath do"
                + " not fit together (compiled against other versions?); put matching jars on --classpath", failure);
    }

    /** The name of the class {@code failure} (or one of its causes) says is missing. */
    static Optional<String> missingClass(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
            String name = switch (cause) {
                case NoClassDefFoundError e -> e.getMessage();
                case ClassNotFoundException e -> e.getMessage();
                case TypeNotPresentException e -> e.typeName();
                default -> null;
            };
            if (name != null && !name.isBlank()) {
                // NoClassDefFoundError names the class as a path (com/acme/Money), sometimes with a reason after it
                String plain = name.strip().split("\\s")[0];
                return Optional.of(plain.replace('/', '.'));
            }
        }
        return Optional.empty();
    }
}
