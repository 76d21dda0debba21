package dev.autogen.generator.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * stdout or stderr with every line passed through {@link Redaction#message} before it is written. The command line
 * installs it for both streams before anything else runs, so output autogen does not format itself (a driver's
 * java.util.logging warning that echoes part of a URL, a library printing to {@code System.err}) cannot show a
 * password either. Lines are held until their newline (or a flush), so a secret split over two writes is still seen
 * whole.
 */
public final class RedactingOutputStream extends OutputStream {
    private final OutputStream target;
    private final Charset charset;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private RedactingOutputStream(OutputStream target, Charset charset) {
        this.target = target;
        this.charset = charset;
    }

    /** {@code stream}, redacted, autoflushing, in the same encoding. */
    public static PrintStream wrap(PrintStream stream) {
        return new PrintStream(new RedactingOutputStream(stream, stream.charset()), true, stream.charset());
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        emit();
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        target.close();
    }

    private void emit() throws IOException {
        if (line.size() == 0) {
            return;
        }
        target.write(Redaction.message(line.toString(charset), Redaction.processSecrets()).getBytes(charset));
        line.reset();
    }
}
