package dev.autogen.generator.daemon;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The training run of the client's start-up cache ({@code generator/autogen-java}): one real client exchange, against
 * a stand-in daemon on a thread of this JVM that answers every request with a line and exit 0, so that the cache
 * holds exactly the classes a client loads (the environment, the key, the private directory's checks, the Unix socket,
 * the protocol) and none of a check's. Run once per build, its output discarded; exits 1 if the exchange failed.
 */
public final class ClientCacheTraining {
    private ClientCacheTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Files.createTempDirectory("autogen-daemon-training",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path socket = new DaemonDirectory(directory).socket(DaemonKey.ofThisProcess());
        int code;
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread standIn = new Thread(() -> answerOnce(server), "autogen-daemon-stand-in");
            standIn.start();
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.put(DaemonDirectory.VARIABLE, directory.toString());
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            OptionalInt answered = new DaemonClient(environment, sink, new PrintStream(sink, true,
                    StandardCharsets.UTF_8)).run("check");
            standIn.join();
            code = answered.isPresent() && answered.getAsInt() == 0 ? 0 : 1;
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(directory);
        }
        System.exit(code);
    }

    private static void answerOnce(ServerSocketChannel server) {
        try (SocketChannel connection = server.accept()) {
            DaemonProtocol.readRequest(new DataInputStream(Channels.newInputStream(connection)));
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(connection));
            DaemonProtocol.frames(out, DaemonProtocol.STDOUT).write("trained\n".getBytes(StandardCharsets.UTF_8));
            out.writeByte(DaemonProtocol.EXIT);
            out.writeInt(0);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
