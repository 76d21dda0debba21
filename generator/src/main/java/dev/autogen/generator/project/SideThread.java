package dev.autogen.generator.project;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * A command's work started on a thread of its own (the entity model's boot, the catalog read), whose result the command
 * takes where it needs it ({@link #result()}), with the error the same work would have thrown on the command's thread.
 * The result is published as soon as it is ready; what the thread still does {@code afterwards} (writing a cache entry)
 * runs while the command goes on. Whoever starts one calls {@link #await()} before the command returns, so no thread
 * outlives it.
 */
final class SideThread<T> {
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final Thread thread;

    private SideThread(String name, Callable<T> work, Consumer<T> afterwards) {
        thread = Thread.ofPlatform().name(name).start(() -> {
            T value;
            try {
                value = work.call();
            } catch (Throwable e) {
                result.completeExceptionally(e);
                return;
            }
            result.complete(value);
            afterwards.accept(value);
        });
    }

    /** Starts {@code work} on a new thread named {@code name}. */
    static <T> SideThread<T> start(String name, Callable<T> work) {
        return new SideThread<>(name, work, value -> { });
    }

    /** Starts {@code work}, then, once its result is published, {@code afterwards} on the same thread. */
    static <T> SideThread<T> start(String name, Callable<T> work, Consumer<T> afterwards) {
        return new SideThread<>(name, work, afterwards);
    }

    /** The work's result, waiting for it; its error rethrown unchanged when it is unchecked. */
    T result() {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + thread.getName(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits until the thread has ended (its result may have been taken long before), keeping an interruption. */
    void await() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
