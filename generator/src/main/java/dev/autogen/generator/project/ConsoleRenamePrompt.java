package dev.autogen.generator.project;

import dev.autogen.generator.diff.Rename;
import java.io.Console;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;

/**
 * Asks about a rename on the terminal: {@code Did you rename customer.phone_no to customer.phone? [y/N] }. Only
 * {@code y} or {@code yes} (any case) mean yes; an empty line, anything else or the end of input keeps the drop plus
 * the add, the safe reading of a question nobody answered.
 */
public final class ConsoleRenamePrompt implements RenamePrompt {
    private final Console console;

    private ConsoleRenamePrompt(Console console) {
        this.console = console;
    }

    /**
     * A prompt on the terminal, when standard input and output are one: {@code System.console()} exists and, on a JDK
     * that can tell (22 and later, {@code Console.isTerminal()}), is a real terminal rather than redirected streams.
     */
    public static Optional<ConsoleRenamePrompt> interactive() {
        Console console = System.console();
        if (console == null || !isTerminal(console)) {
            return Optional.empty();
        }
        return Optional.of(new ConsoleRenamePrompt(console));
    }

    @Override
    public boolean confirm(Rename rename) {
        return confirm(rename.question());
    }

    /** Asks {@code question} (ending in {@code [y/N] }); only {@code y} or {@code yes} mean yes. */
    public boolean confirm(String question) {
        String answer = console.readLine("%s", question);
        if (answer == null) {
            return false;
        }
        String normal = answer.strip().toLowerCase(Locale.ROOT);
        return normal.equals("y") || normal.equals("yes");
    }

    /** {@code Console.isTerminal()} where it exists (JDK 22+; the build targets 21, hence reflection). */
    static boolean isTerminal(Console console) {
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK 21: System.console() is null unless both streams are a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
