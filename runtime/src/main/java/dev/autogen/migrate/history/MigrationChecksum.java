package dev.autogen.migrate.history;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.op.Operation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The fingerprint of a migration: SHA-256 (lower-case hex) over its upgrade and downgrade operation lists, each
 * operation written as its record's {@code toString()}. It is taken over what the migration does, not over its
 * text, so reformatting or commenting the Java file keeps it, while editing an operation changes it (which is how
 * {@code validate} notices an applied migration that was edited). A squash's {@code replaces} is part of it (written
 * only when not empty, so that the checksums of every other migration stay what they were).
 */
public final class MigrationChecksum {
    private MigrationChecksum() {
    }

    /**
     * Checksums already taken, per loaded migration (whose {@code upgrade} and {@code downgrade} are deterministic):
     * a rollout checks the applied revisions of every tenant schema, which would otherwise run each migration's
     * builder and hash its operations once per schema, thousands of times.
     */
    private static final Map<LoadedMigration, String> TAKEN = Collections.synchronizedMap(new WeakHashMap<>());

    public static String of(LoadedMigration migration) {
        String taken = TAKEN.get(migration);
        if (taken == null) {
            taken = take(migration);
            TAKEN.put(migration, taken);
        }
        return taken;
    }

    private static String take(LoadedMigration migration) {
        var text = new StringBuilder("upgrade\n");
        append(text, () -> migration.upgradeOperations());
        text.append("downgrade\n");
        append(text, () -> migration.downgradeOperations());
        if (!migration.replaces().isEmpty()) {
            text.append("replaces ").append(String.join(",", migration.replaces())).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** A downgrade that refuses to run (an irreversible migration) is part of the fingerprint too, by its message. */
    private static void append(StringBuilder text, java.util.function.Supplier<List<Operation>> operations) {
        try {
            for (Operation operation : operations.get()) {
                text.append(operation).append('\n');
            }
        } catch (RuntimeException e) {
            text.append("! ").append(e.getClass().getName()).append(": ").append(e.getMessage()).append('\n');
        }
    }
}
