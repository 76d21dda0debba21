package dev.autogen.generator.daemon;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which check daemon may answer a client: one whose process has the client's environment, working directory, Java and
 * class path. A daemon runs each check as its own process would run it (environment variables and relative paths are
 * read there, not sent), so it may only answer clients for whom that is exactly what their own run would have seen.
 * The key is the text of all four; a daemon's socket is named after a hash of it, and the daemon compares the whole
 * text a client sends with its own before it runs anything, so a different environment is a different daemon, never
 * a wrong answer (and the client needs no cryptographic digest, whose providers cost a short JVM 0.1 s to load).
 * Left out of the environment: the variables a shell changes from one command to the next and that autogen never
 * reads ({@code _}, {@code SHLVL}, {@code OLDPWD}, {@code PWD}; the working directory is in the key itself). A jar on
 * the class path counts with its size and time, so a rebuilt jar is another key.
 */
public record DaemonKey(String text) {
    private static final Set<String> SHELL_BOOKKEEPING = Set.of("_", "SHLVL", "OLDPWD", "PWD");
    private static final String FORMAT = "autogen-check-daemon-1";

    /** The key of this process: what a daemon started from it inherits. */
    public static DaemonKey ofThisProcess() {
        return of(System.getenv(), Path.of("").toAbsolutePath(), System.getProperty("java.class.path"),
                System.getProperty("java.home"));
    }

    static DaemonKey of(Map<String, String> environment, Path workingDirectory, String classPath, String javaHome) {
        StringBuilder text = new StringBuilder(FORMAT).append('\0').append(javaHome).append('\0')
                .append(workingDirectory.toAbsolutePath().normalize()).append('\0');
        for (String entry : classPath.split(File.pathSeparator)) {
            text.append(entry).append('\0').append(fileStamp(Path.of(entry))).append('\0');
        }
        new TreeMap<>(environment).forEach((name, value) -> {
            if (!SHELL_BOOKKEEPING.contains(name)) {
                text.append(name).append('=').append(value).append('\0');
            }
        });
        return new DaemonKey(text.toString());
    }

    /** A jar's size and modification time (a directory's entries are the project's classes, read on every check). */
    private static String fileStamp(Path entry) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
            return attributes.isRegularFile() ? attributes.size() + " " + attributes.lastModifiedTime().toMillis() : "";
        } catch (IOException e) {
            return "missing";
        }
    }

    /**
     * The file name of this key's socket: a 64-bit FNV-1a hash of the text, short enough for the 108 bytes a Unix
     * socket's path may have. Two keys with one name share a socket, and the second is refused (and checks in its
     * own process) rather than answered.
     */
    String socketName() {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
        }
        String hex = Long.toHexString(hash);
        return "0".repeat(16 - hex.length()) + hex + ".socket";
    }
}
