package dev.autogen.migrate;

import java.util.Locale;
import java.util.Set;

/**
 * The names of the tables the migrator keeps its state in. They belong to autogen, never to the entities, so the
 * catalog readers leave them out of every diff.
 */
public final class VersionTables {
    /** One row per current head revision. */
    public static final String VERSION = "autogen_version";
    /** One row per applied or reverted revision: the audit trail. */
    public static final String HISTORY = "autogen_history";
    /** SQLite only: the row that serialises concurrent runners (PostgreSQL uses an advisory lock). */
    public static final String LOCK = "autogen_lock";

    private static final Set<String> ALL = Set.of(VERSION, HISTORY, LOCK);

    private VersionTables() {
    }

    public static boolean isVersionTable(String tableName) {
        return ALL.contains(tableName.toLowerCase(Locale.ROOT));
    }
}
