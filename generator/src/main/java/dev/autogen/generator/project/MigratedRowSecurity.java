package dev.autogen.generator.project;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.SchemaInterpreter;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.op.Operation;
import dev.autogen.schema.RowLevelSecurity;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The row-level security a SQLite database would have if it had any: the switches and policies the migrations set on
 * each table, replayed with {@link SchemaInterpreter}. SQLite keeps none of it, yet migrations are database-neutral (a
 * migration generated against SQLite is applied to PostgreSQL too), so autogenerate must plan row-level security on
 * SQLite as well, and to plan it only once it must know what the migrations already did. Without this, a migration
 * generated against SQLite carried no isolation at all, and tenants were not kept apart on PostgreSQL.
 *
 * <p>Fails closed: when the migrations cannot be replayed (raw SQL the replay cannot see into made them inconsistent),
 * no table is taken to have row-level security, so autogenerate plans it again rather than leaving it out.
 */
final class MigratedRowSecurity {
    private MigratedRowSecurity() {
    }

    /** {@code catalog} (a SQLite catalog) with each table's row-level security as {@code migrations} set it. */
    static Schema overlay(Schema catalog, List<LoadedMigration> migrations) {
        Map<String, Table> migrated = replayed(migrations);
        if (migrated.isEmpty()) {
            return catalog;
        }
        List<Table> tables = new ArrayList<>();
        for (Table table : catalog.tables()) {
            // SQLite's names are case-insensitive: the migration may spell the table as the entity does
            Table replayed = migrated.get(table.name().toLowerCase(Locale.ROOT));
            tables.add(replayed == null ? table
                    : table.withRowLevelSecurity(replayed.rowLevelSecurity()).withPolicies(replayed.policies()));
        }
        return new Schema(tables, catalog.sequences(), catalog.enumTypes());
    }

    private static Map<String, Table> replayed(List<LoadedMigration> migrations) {
        List<Operation> upgrades = new ArrayList<>();
        for (LoadedMigration migration : new RevisionGraph(migrations).inOrder()) {
            upgrades.addAll(migration.upgradeOperations());
        }
        Map<String, Table> tables = new HashMap<>();
        try {
            for (Table table : SchemaInterpreter.applyAll(Schema.EMPTY, upgrades).tables()) {
                if (!table.rowLevelSecurity().equals(RowLevelSecurity.NONE) || !table.policies().isEmpty()) {
                    tables.put(table.name().toLowerCase(Locale.ROOT), table);
                }
            }
        } catch (RuntimeException replayFailed) {
            return Map.of();
        }
        return tables;
    }
}
