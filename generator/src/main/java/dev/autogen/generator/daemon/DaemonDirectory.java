package dev.autogen.generator.daemon;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.Set;

/**
 * The directory of the check daemons' sockets, pid files and logs: {@code AUTOGEN_DAEMON_DIR}, else
 * {@code $XDG_RUNTIME_DIR/autogen-daemon}, else {@code autogen-daemon-USER} in the temporary directory.
 *
 * <p>Whoever can connect to a daemon's socket can make it run checks with its environment (database passwords
 * included) and read their output, so the directory must be private: a real directory (not a symbolic link), owned by
 * this user, with no permission for anyone else. One that is not is never used (the check runs in its own process
 * and says why in one line); it is created private when missing. The daemon also checks each client's user through
 * the socket's peer credentials, so a socket that became reachable anyway still answers no one else.
 */
public record DaemonDirectory(Path path) {
    static final String VARIABLE = "AUTOGEN_DAEMON_DIR";
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    /** Why the daemon cannot be used here: one line for the user. */
    public static final class Unusable extends Exception {
        Unusable(String message) {
            super(message, null, false, false);
        }
    }

    /** The directory the environment names, created private when missing. */
    public static DaemonDirectory resolve(Map<String, String> environment) throws Unusable {
        String named = environment.get(VARIABLE);
        String runtime = environment.get("XDG_RUNTIME_DIR");
        Path path = named != null && !named.isBlank() ? Path.of(named.strip())
                : runtime != null && !runtime.isBlank() ? Path.of(runtime, "autogen-daemon")
                : Path.of(System.getProperty("java.io.tmpdir"), "autogen-daemon-" + System.getProperty("user.name"));
        return verified(path.toAbsolutePath().normalize());
    }

    static DaemonDirectory verified(Path path) throws Unusable {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            throw new Unusable("the check daemon needs POSIX file permissions to keep its socket private");
        }
        try {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(path.getParent());
                try {
                    Files.createDirectory(path, PosixFilePermissions.asFileAttribute(PRIVATE));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another client made it at the same moment: verified below like any existing one
                }
                Files.setPosixFilePermissions(path, PRIVATE); // the umask may have taken some away; never added any
            }
            PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            UserPrincipal me = FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            if (!attributes.isDirectory()) {
                throw new Unusable(path + " is not a directory: remove it or set " + VARIABLE + " to a private one");
            }
            if (!attributes.owner().equals(me)) {
                throw new Unusable(path + " belongs to " + attributes.owner().getName() + ", not to "
                        + me.getName() + ": set " + VARIABLE + " to a directory of your own");
            }
            if (!attributes.permissions().equals(PRIVATE)) {
                throw new Unusable(path + " is not private (" + PosixFilePermissions.toString(attributes.permissions())
                        + "): chmod 700 it or set " + VARIABLE + " to another directory");
            }
            return new DaemonDirectory(path);
        } catch (IOException e) {
            throw new Unusable("cannot prepare the check daemon's directory " + path + ": " + e.getMessage());
        }
    }

    Path socket(DaemonKey key) {
        return path.resolve(key.socketName());
    }

    Path pidFile(DaemonKey key) {
        return path.resolve(key.socketName().replace(".socket", ".pid"));
    }

    Path log(DaemonKey key) {
        return path.resolve(key.socketName().replace(".socket", ".log"));
    }
}
