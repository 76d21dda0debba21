package dev.autogen.generator.project;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.SchemaInterpreter;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.op.CreateTable;
import dev.autogen.op.DropForeignKey;
import dev.autogen.op.DropTable;
import dev.autogen.op.Operation;
import dev.autogen.op.RenameTable;
import dev.autogen.schema.Schema;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Keeps autogen from dropping tables it does not own. A table in the database that no entity maps is one of two
 * things: a table whose entity was removed (a migration created it, so a migration may drop it, with the data-loss
 * warning of {@link PlanHazards}), or a table another tool owns (an audit log, a queue, a hand-made report table),
 * which autogen must leave alone. "A migration created it" means the table is in the schema obtained by replaying the
 * upgrade operations of every migration in the migrations directory, in graph order, with {@link SchemaInterpreter}.
 *
 * <p>This step runs between the differ (after any rename pairing) and the workflows: it removes from the plan the
 * {@link DropTable} of each unmanaged table and the {@link DropForeignKey} operations on that table (the differ drops
 * a dropped table's own foreign keys first when they close a cycle), and says so in one hint line per table. Indexes,
 * constraints and columns of such a table are never touched: the differ only plans them for tables the entities map.
 *
 * <p>Choices: with no migrations at all (a first {@code autogen -m} against an existing database), every unmapped
 * table is unmanaged. {@code ExecuteSql} is opaque to the replay, so a table made by raw SQL in a migration counts as
 * unmanaged. When the replay itself fails (migrations that do not apply to an empty schema, e.g. because raw SQL made
 * a table a later operation alters), a table counts as created by a migration when any upgrade operation creates it or
 * renames a table to it.
 */
public final class UnmanagedTables {
    /** The migrations to replay, until {@link #migrated()} has replayed them (null after, or when given a set). */
    private List<LoadedMigration> toReplay;
    private Set<String> migrated;

    /** @param migrated the tables the migrations create (replayed from an empty schema) */
    public UnmanagedTables(Set<String> migrated) {
        this.migrated = Set.copyOf(migrated);
    }

    private UnmanagedTables(List<LoadedMigration> toReplay) {
        this.toReplay = List.copyOf(toReplay);
    }

    /**
     * The tables {@code project}'s migrations create; none when the migrations directory does not exist (as for
     * {@code autogen diff} without migrations).
     */
    public static UnmanagedTables of(Project project) {
        if (!Files.isDirectory(project.settings().migrationsDir())) {
            return new UnmanagedTables(Set.of());
        }
        return of(project.migrations());
    }

    /**
     * The tables {@code migrations} create, replayed in graph order. The replay (about half a second for a thousand
     * tables' migrations) happens only when a plan drops a table, so a {@code check} that finds nothing to drop skips
     * it.
     */
    public static UnmanagedTables of(List<LoadedMigration> migrations) {
        return new UnmanagedTables(migrations);
    }

    private Set<String> migrated() {
        if (migrated == null) {
            migrated = replay(toReplay);
            toReplay = null;
        }
        return migrated;
    }

    private static Set<String> replay(List<LoadedMigration> migrations) {
        List<Operation> upgrades = new ArrayList<>();
        for (LoadedMigration migration : new RevisionGraph(migrations).inOrder()) {
            upgrades.addAll(migration.upgradeOperations());
        }
        Set<String> names = new TreeSet<>();
        try {
            SchemaInterpreter.applyAll(Schema.EMPTY, upgrades).tables().forEach(t -> names.add(t.name()));
        } catch (RuntimeException replayFailed) {
            for (Operation operation : upgrades) {
                if (operation instanceof CreateTable create) {
                    names.add(create.table().name());
                } else if (operation instanceof RenameTable rename) {
                    names.add(rename.to());
                }
            }
        }
        return Set.copyOf(names);
    }

    /** The plan without operations on unmanaged tables, and one hint line per unmanaged table (sorted by name). */
    public record Filtered(List<Operation> plan, List<String> hints) {
        public Filtered {
            plan = List.copyOf(plan);
            hints = List.copyOf(hints);
        }

        /** The same plan with {@code more} hints after these (e.g. {@link TenantColumnHints}). */
        public Filtered withHints(List<String> more) {
            List<String> all = new ArrayList<>(hints);
            all.addAll(more);
            return new Filtered(plan, all);
        }
    }

    /** Removes the drops of unmanaged tables from {@code plan} (in execution order, as the differ made it). */
    public Filtered filter(List<Operation> plan) {
        SortedSet<String> unmanaged = new TreeSet<>();
        for (Operation operation : plan) {
            if (operation instanceof DropTable drop && !migrated().contains(drop.name())) {
                unmanaged.add(drop.name());
            }
        }
        List<Operation> kept = new ArrayList<>();
        for (Operation operation : plan) {
            boolean onUnmanaged = operation instanceof DropTable drop && unmanaged.contains(drop.name())
                    || operation instanceof DropForeignKey key && unmanaged.contains(key.table());
            if (!onUnmanaged) {
                kept.add(operation);
            }
        }
        List<String> hints = unmanaged.stream().map(UnmanagedTables::hint).toList();
        return new Filtered(kept, hints);
    }

    /** The hint line for one unmanaged table. */
    public static String hint(String table) {
        return "unmanaged table " + table + ": no entity maps it and no migration created it; left alone";
    }

    /** Whether a migration created {@code table} (it is a candidate for dropping when no entity maps it). */
    public boolean createdByMigration(String table) {
        return migrated().contains(table);
    }
}
