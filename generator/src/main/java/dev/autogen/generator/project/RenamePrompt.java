package dev.autogen.generator.project;

import dev.autogen.generator.diff.Rename;

/**
 * Who decides whether an undeclared rename candidate (a table or column that disappears while a compatible one
 * appears) really is a rename. In an interactive terminal the developer is asked; anywhere else nobody is, the plan
 * keeps the drop plus the add, and the plan's warnings say how to declare the rename with {@code @RenamedFrom}.
 * Tests pass their own answers.
 */
@FunctionalInterface
public interface RenamePrompt {

    /** True when {@code rename} should be done as a rename; false keeps the drop plus the add. */
    boolean confirm(Rename rename);

    /** Never asks: every candidate stays a drop plus an add (CI, redirected input, {@code diff} and {@code check}). */
    static RenamePrompt never() {
        return rename -> false;
    }

    /** Asks on the terminal when there is one ({@link ConsoleRenamePrompt#interactive()}), else {@link #never()}. */
    static RenamePrompt terminal() {
        return ConsoleRenamePrompt.interactive().map(RenamePrompt.class::cast).orElse(never());
    }
}
