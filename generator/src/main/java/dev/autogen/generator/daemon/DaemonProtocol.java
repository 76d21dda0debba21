package dev.autogen.generator.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client and a check daemon say over the socket. The client sends one request: {@link #MAGIC}, a kind
 * ({@link #RUN}, {@link #STATUS}, {@link #STOP}), its {@link DaemonKey}, the encoding of its standard output and the
 * command's arguments. The daemon answers with frames: output ({@link #STDOUT}, {@link #STDERR}: bytes to write as
 * they are), then one ending: {@link #EXIT} and the exit code, {@link #NOT_SERVED} and why (the client runs the command
 * itself), or {@link #STATUS_TEXT}. A connection carries one request.
 */
final class DaemonProtocol {
    static final int MAGIC = 0x41474431; // "AGD1"
    static final byte RUN = 'R';
    static final byte STATUS = 'S';
    static final byte STOP = 'Q';
    static final byte STDOUT = 'O';
    static final byte STDERR = 'E';
    static final byte EXIT = 'X';
    static final byte NOT_SERVED = 'N';
    static final byte STATUS_TEXT = 'T';
    /** Longer arguments or frames than this are a damaged stream, not a request. */
    private static final int MAX_TEXT = 1 << 20;
    private static final int MAX_ARGUMENTS = 4_096;
    /** Output goes in frames of at most this many bytes. */
    private static final int CHUNK = 1 << 16;

    private DaemonProtocol() {
    }

    /** One request as the daemon reads it. */
    record Request(byte kind, String key, String encoding, List<String> arguments) {
    }

    static void writeRequest(DataOutputStream out, Request request) throws IOException {
        out.writeInt(MAGIC);
        out.writeByte(request.kind());
        writeText(out, request.key());
        writeText(out, request.encoding());
        out.writeInt(request.arguments().size());
        for (String argument : request.arguments()) {
            writeText(out, argument);
        }
        out.flush();
    }

    static Request readRequest(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not an autogen daemon request");
        }
        byte kind = in.readByte();
        String key = readText(in);
        String encoding = readText(in);
        int count = in.readInt();
        if (count < 0 || count > MAX_ARGUMENTS) {
            throw new IOException("a request with " + count + " arguments");
        }
        List<String> arguments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            arguments.add(readText(in));
        }
        return new Request(kind, key, encoding, List.copyOf(arguments));
    }

    static void writeText(DataOutputStream out, String text) throws IOException {
        writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
    }

    static String readText(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_TEXT) {
            throw new IOException("a frame of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    /** Reads one frame's kind, or -1 at the end of the stream. */
    static int readKind(DataInputStream in) throws IOException {
        try {
            return in.readByte();
        } catch (EOFException e) {
            return -1;
        }
    }

    /** An output stream whose writes become frames of {@code kind} ({@link #STDOUT} or {@link #STDERR}). */
    static OutputStream frames(DataOutputStream connection, byte kind) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (length == 0) {
                    return;
                }
                synchronized (connection) {
                    for (int start = offset; start < offset + length; start += CHUNK) {
                        int size = Math.min(CHUNK, offset + length - start);
                        connection.writeByte(kind);
                        connection.writeInt(size);
                        connection.write(bytes, start, size);
                    }
                }
            }

            @Override
            public void flush() throws IOException {
                synchronized (connection) {
                    connection.flush();
                }
            }
        };
    }
}
