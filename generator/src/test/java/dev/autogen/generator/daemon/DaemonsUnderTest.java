package dev.autogen.generator.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The tests' way to run a {@link CheckDaemon} in their own JVM: bound already, serving on a thread of its own. */
final class DaemonsUnderTest {
    private DaemonsUnderTest() {
    }

    /** Starts {@code daemon}'s {@link CheckDaemon#serve()} on a new thread named {@code name}; returns the thread. */
    static Thread serveOnAThread(CheckDaemon daemon, String name) {
        Thread thread = new Thread(() -> {
            try {
                daemon.serve();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, name);
        thread.start();
        return thread;
    }
}
