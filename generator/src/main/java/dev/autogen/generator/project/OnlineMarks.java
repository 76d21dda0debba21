package dev.autogen.generator.project;

import static dev.autogen.sql.DdlRenderer.quoteTable;

import dev.autogen.generator.config.DatabaseException;
import dev.autogen.generator.config.Redaction;
import dev.autogen.hazard.Hazard;
import dev.autogen.hazard.HazardKind;
import dev.autogen.hazard.Hazards;
import dev.autogen.op.Operation;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.mariadb.MariadbOnlineDdl;
import dev.autogen.sql.postgres.PostgresOnlineDdl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Which operations of a plan {@code autogen -m} marks {@code .online()}: on PostgreSQL, those that have an online form
 * ({@link PostgresOnlineDdl}) and whose plain form would block the application ({@link Hazards} says BLOCKS_READS or
 * BLOCKS_WRITES, which it never says of a table the plan creates), when their table already holds rows, or always with
 * {@code --online}. Whether a table holds rows is one query for all of them ({@code exists}, which stops at the first
 * row). On SQLite nothing is marked: there the mark would be a no-op.
 *
 * <p>On MariaDB, those that have an online form ({@link MariadbOnlineDdl}: {@code ALGORITHM=INPLACE, LOCK=NONE}) and
 * read or rewrite every row of an existing table (SCANS_TABLE or TABLE_REWRITE: an index build, a rebuild in place),
 * on the same terms. InnoDB runs those without blocking writes by default already; the mark makes it a promise the
 * server keeps or refuses with its reason ({@code LOCK=NONE}) instead of quietly locking, which is worth it where the
 * work takes as long as the table is large. An instant change takes no mark (metadata only, nothing to keep online),
 * and a copy has no online form (the migrator would refuse the mark).
 */
public final class OnlineMarks {
    private OnlineMarks() {
    }

    /** The indexes of the operations of {@code plan} to mark, ascending. */
    public static SortedSet<Integer> of(Project project, List<Operation> plan, boolean always) {
        Map<Integer, String> candidates = candidates(plan, project.dialect());
        if (candidates.isEmpty() || always) {
            return new TreeSet<>(candidates.keySet());
        }
        Set<String> withRows = tablesWithRows(project, new TreeSet<>(candidates.values()));
        SortedSet<Integer> marked = new TreeSet<>();
        candidates.forEach((index, table) -> {
            if (withRows.contains(table)) {
                marked.add(index);
            }
        });
        return marked;
    }

    /** Operation index to the table it would block, for the operations an online form helps. */
    static Map<Integer, String> candidates(List<Operation> plan, Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> candidates(plan, dialect, PostgresOnlineDdl::supports,
                    Set.of(HazardKind.BLOCKS_READS, HazardKind.BLOCKS_WRITES));
            case MARIADB -> candidates(plan, dialect, MariadbOnlineDdl::supports,
                    Set.of(HazardKind.SCANS_TABLE, HazardKind.TABLE_REWRITE));
            case SQLITE -> new TreeMap<>();
        };
    }

    /** The operations that have an online form and a hazard of one of {@code kinds} on a table, with that table. */
    private static Map<Integer, String> candidates(List<Operation> plan, Dialect dialect,
                                                   Predicate<Operation> hasOnlineForm, Set<HazardKind> kinds) {
        Map<Integer, String> candidates = new TreeMap<>();
        List<List<Hazard>> hazards = Hazards.of(plan, dialect);
        for (int i = 0; i < plan.size(); i++) {
            if (!hasOnlineForm.test(plan.get(i))) {
                continue;
            }
            int index = i;
            hazards.get(i).stream().filter(h -> h.table() != null && kinds.contains(h.kind())).findFirst()
                    .ifPresent(h -> candidates.put(index, h.table()));
        }
        return candidates;
    }

    private static Set<String> tablesWithRows(Project project, SortedSet<String> tables) {
        List<String> names = new ArrayList<>(tables);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            parts.add("select " + i + " where exists (select 1 from " + table(project, names.get(i)) + ")");
        }
        Set<String> withRows = new TreeSet<>();
        try (Connection c = project.connections().open(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(String.join(" union all ", parts))) {
            while (rs.next()) {
                withRows.add(names.get(rs.getInt(1)));
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot tell which tables hold rows (" + String.join(", ", tables) + "): "
                    + Redaction.message(e.getMessage(), project.settings().password()).strip()
                    .replaceAll("\\s+", " "), e);
        }
        return withRows;
    }

    /** The table's name in SQL, in the project's schema when it has one and the name none. */
    private static String table(Project project, String name) {
        String schema = project.settings().schema();
        return schema == null || name.contains(".") ? quoteTable(name) : quoteTable(schema + "." + name);
    }
}
