package dev.autogen.migrate.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RevisionGraphTest {
    static final Migration NOTHING = new Migration() {
        @Override
        public void upgrade(SchemaChanges schema) {
        }

        @Override
        public void downgrade(SchemaChanges schema) {
        }
    };

    /** {@code rev("V0002_B", "bbb", "aaa")}: class name, id, parents. */
    private static LoadedMigration rev(String className, String id, String... parents) {
        return new LoadedMigration(id, Arrays.asList(parents), "m " + id, "migrations." + className, NOTHING, null);
    }

    private static List<String> ids(List<LoadedMigration> migrations) {
        return migrations.stream().map(LoadedMigration::id).toList();
    }

    // a <- b <- c, listed out of order
    private static final RevisionGraph LINEAR = new RevisionGraph(List.of(
            rev("V0003_C", "ccc333", "bbb222"), rev("V0001_A", "aaa111"), rev("V0002_B", "bbb222", "aaa111")));

    @Test
    void ordersParentsBeforeChildrenAndKnowsHeadAndBase() {
        assertEquals(List.of("aaa111", "bbb222", "ccc333"), ids(LINEAR.inOrder()));
        assertEquals(List.of("ccc333"), LINEAR.heads());
        assertEquals(List.of("aaa111"), LINEAR.bases());
        assertEquals("ccc333", LINEAR.singleHead());
    }

    @ParameterizedTest(name = "upgrade {1} from [{0}] runs [{2}]")
    @CsvSource(delimiter = '|', value = {
        "              | head   | aaa111 bbb222 ccc333", // from an empty database to head
        "aaa111        | head   | bbb222 ccc333",
        "ccc333        | head   | ''",                   // already there
        "              | +1     | aaa111",
        "aaa111        | +2     | bbb222 ccc333",
        "              | bbb    | aaa111 bbb222",        // a unique prefix
        "              | bbb222 | aaa111 bbb222",
        "bbb222        | aaa111 | ''",                   // an applied revision: nothing to do
    })
    void upgradePaths(String current, String target, String expected) {
        assertEquals(split(expected), ids(LINEAR.upgradePath(split(current), target)));
    }

    @ParameterizedTest(name = "downgrade {1} from [{0}] reverts [{2}]")
    @CsvSource(delimiter = '|', value = {
        "ccc333 | -1     | ccc333",
        "ccc333 | -3     | ccc333 bbb222 aaa111",
        "ccc333 | base   | ccc333 bbb222 aaa111",
        "ccc333 | aaa    | ccc333 bbb222",
        "ccc333 | ccc333 | ''",
        "bbb222 | -2     | bbb222 aaa111",
    })
    void downgradePaths(String current, String target, String expected) {
        assertEquals(split(expected), ids(LINEAR.downgradePath(split(current), target)));
    }

    @Test
    void versionRowsFollowEachStep() {
        assertEquals(List.of("aaa111"), LINEAR.headsAfterUpgrade(List.of(), "aaa111"));
        assertEquals(List.of("bbb222"), LINEAR.headsAfterUpgrade(List.of("aaa111"), "bbb222"));
        assertEquals(List.of("aaa111"), LINEAR.headsAfterDowngrade(List.of("bbb222"), "bbb222"));
        assertEquals(List.of(), LINEAR.headsAfterDowngrade(List.of("aaa111"), "aaa111"));
    }

    @Test
    void mergeRevisionJoinsHeads() {
        // a <- b, a <- c, (b, c) <- d
        var graph = new RevisionGraph(List.of(rev("V1", "a1"), rev("V2", "b2", "a1"), rev("V3", "c3", "a1"),
                rev("V4", "d4", "b2", "c3")));
        assertEquals(List.of("d4"), graph.heads());
        assertEquals(List.of("a1", "b2", "c3", "d4"), ids(graph.upgradePath(List.of(), "head")));
        assertEquals(List.of("b2", "c3"), graph.headsAfterUpgrade(List.of("b2"), "c3"));
        assertEquals(List.of("d4"), graph.headsAfterUpgrade(List.of("b2", "c3"), "d4"));
        assertEquals(List.of("b2", "c3"), graph.headsAfterDowngrade(List.of("d4"), "d4"));
        assertEquals(List.of("c3"), graph.headsAfterDowngrade(List.of("b2", "c3"), "b2"));
    }

    @Test
    void multipleHeadsRefuseUpgradeHeadButAllowASpecificRevision() {
        var graph = new RevisionGraph(List.of(rev("V1", "a1"), rev("V2", "b2", "a1"), rev("V3", "c3", "a1")));
        var e = assertThrows(RevisionGraphException.class, () -> graph.upgradePath(List.of(), "head"));
        assertEquals("multiple heads: b2, c3 — join them with a merge revision (autogen merge -m \"merge heads\"),"
                + " or apply every branch (autogen upgrade heads)", e.getMessage());
        assertEquals(List.of("a1", "c3"), ids(graph.upgradePath(List.of(), "c3")));
        assertEquals(List.of("a1", "b2", "c3"), ids(graph.upgradePath(List.of(), "heads")));
        assertEquals(List.of("b2"), ids(graph.upgradePath(List.of("c3"), "heads")));
        assertEquals(List.of("b2", "c3"), graph.headsAfterUpgrade(List.of("c3"), "b2"));
        assertEquals("multiple heads: b2, c3 — join them with a merge revision (autogen merge -m \"merge heads\"),"
                + " or apply every branch (autogen upgrade heads)",
                assertThrows(RevisionGraphException.class, () -> graph.upgradePath(List.of(), "+1")).getMessage());
    }

    // a <- b <- c and a <- x <- y (two branches from a), then m merges c and y
    private static final RevisionGraph BRANCHED = new RevisionGraph(List.of(rev("V1", "a1"), rev("V2", "b2", "a1"),
            rev("V3", "c3", "b2"), rev("V4", "x4", "a1"), rev("V5", "y5", "x4"), rev("V6", "m6", "c3", "y5")));

    @Test
    void branchPointsAreRevisionsWithSeveralChildren() {
        assertEquals(java.util.Map.of("a1", List.of("b2", "x4")), BRANCHED.branchPoints());
        assertEquals(java.util.Map.of(), LINEAR.branchPoints());
        assertEquals(List.of("m6"), BRANCHED.heads());
    }

    @ParameterizedTest(name = "downgrade {1} from [{0}] reverts [{2}]")
    @CsvSource(delimiter = '|', value = {
        "m6    | c3   | m6",                // unmerges: the other branch stays applied
        "m6    | b2   | m6 c3",
        "m6    | a1   | m6 y5 x4 c3 b2",
        "c3 y5 | x4   | y5",                // only the branch of x4
        "c3 y5 | base | y5 x4 c3 b2 a1",
        "m6    | -1   | m6",                // -1 from a merge reverts the merge only
    })
    void downgradeOnBranchesRevertsOnlyWhatFollowsTheTarget(String current, String target, String expected) {
        assertEquals(split(expected), ids(BRANCHED.downgradePath(split(current), target)));
    }

    @Test
    void versionRowsOnBranches() {
        assertEquals(List.of("c3", "y5"), BRANCHED.headsAfterDowngrade(List.of("m6"), "m6"));
        assertEquals(List.of("b2", "y5"), BRANCHED.headsAfterDowngrade(List.of("c3", "y5"), "c3"));
        assertEquals(List.of("c3", "x4"), BRANCHED.headsAfterUpgrade(List.of("c3"), "x4"));
        var e = assertThrows(RevisionGraphException.class, () -> BRANCHED.downgradePath(List.of("c3", "y5"), "-1"));
        assertEquals("the database has several heads (c3, y5), so -1 is ambiguous — downgrade to a specific revision",
                e.getMessage());
        var merge = assertThrows(RevisionGraphException.class, () -> BRANCHED.downgradePath(List.of("m6"), "-2"));
        assertEquals("revision m6 merges c3, y5, so -2 is ambiguous — downgrade to a specific revision",
                merge.getMessage());
    }

    @ParameterizedTest(name = "stamp {0} writes rows [{1}]")
    @CsvSource(delimiter = '|', value = {
        "base  | ''",
        "c3    | c3",
        "y     | y5",      // a unique prefix
        "m6    | m6",
        "heads | m6",
    })
    void stampRows(String target, String expected) {
        assertEquals(split(expected), BRANCHED.rowsAfterStamp(target));
    }

    @Test
    void stampRefusesRelativeTargets() {
        var e = assertThrows(RevisionGraphException.class, () -> LINEAR.rowsAfterStamp("+1"));
        assertEquals("a relative target (+1) needs a database position — use head, heads, base or a revision id",
                e.getMessage());
    }

    /** {@code depends("V3", "o3", "u1", "p2")}: class, id, parent (or null), then the revisions it depends on. */
    private static LoadedMigration depends(String className, String id, String parent, String... dependsOn) {
        return new LoadedMigration(id, parent == null ? List.of() : List.of(parent), "m " + id,
                "migrations." + className, NOTHING, null, Arrays.asList(dependsOn));
    }

    // branch "users": u1 <- u2; branch "orders": o1 <- o2, where o2 depends on u2 (orders.user_id references users)
    private static final RevisionGraph DEPENDENT = new RevisionGraph(List.of(depends("V1", "u1", null),
            depends("V2", "o1", null), depends("V3", "o2", "o1", "u2"), depends("V4", "u2", "u1")));

    @Test
    void dependenciesOrderTheGraphButDoNotMergeBranches() {
        assertEquals(List.of("u1", "o1", "u2", "o2"), ids(DEPENDENT.inOrder())); // class-name order where free
        assertEquals(List.of("o2", "u2"), DEPENDENT.heads());
        assertEquals(java.util.Map.of(), DEPENDENT.branchPoints());
        // upgrading to o2 applies its dependency (and the dependency's parent) first
        assertEquals(List.of("u1", "o1", "u2", "o2"), ids(DEPENDENT.upgradePath(List.of(), "o2")));
        assertEquals(List.of("u1", "u2", "o2"), ids(DEPENDENT.upgradePath(List.of("o1"), "o2")));
        // the dependency keeps its own row: both branches are at their head
        assertEquals(List.of("o2", "u2"), DEPENDENT.headsAfterUpgrade(List.of("o1", "u2"), "o2"));
        // reverting the dependency reverts what depends on it first
        assertEquals(List.of("o2", "u2"), ids(DEPENDENT.downgradePath(List.of("o2", "u2"), "u1")));
        assertEquals(List.of("o1", "u1"), DEPENDENT.headsAfterDowngrade(List.of("o1", "u2"), "u2"));
        assertEquals(List.of(), ids(DEPENDENT.downgradePath(List.of("o2", "u2"), "o2")));
        assertEquals(List.of("o2"), ids(DEPENDENT.downgradePath(List.of("o2", "u2"), "o1")));
    }

    @Test
    void missingDependency() {
        var e = assertThrows(RevisionGraphException.class,
                () -> new RevisionGraph(List.of(depends("V1_A", "a1", null), depends("V2_B", "b2", "a1", "zz9"))));
        assertEquals("revision b2 (V2_B) depends on zz9, which no migration declares — fix dependsOn (a full"
                + " revision id) or restore the missing migration", e.getMessage());
    }

    @Test
    void cycleThroughADependency() {
        var e = assertThrows(RevisionGraphException.class, () -> new RevisionGraph(List.of(
                depends("V1_A", "a1", null, "b2"), depends("V2_B", "b2", "a1"))));
        assertEquals("revisions form a cycle: a1 -> b2 -> a1 — a revision cannot follow its own descendant;"
                + " fix the parent ids", e.getMessage());
    }

    @Test
    void missingParent() {
        var e = assertThrows(RevisionGraphException.class,
                () -> new RevisionGraph(List.of(rev("V1_A", "a1"), rev("V2_B", "b2", "zz9"))));
        assertEquals("revision b2 (V2_B) follows parent zz9, which no migration declares — fix the parent id or"
                + " restore the missing migration", e.getMessage());
    }

    @Test
    void duplicateId() {
        var e = assertThrows(RevisionGraphException.class,
                () -> new RevisionGraph(List.of(rev("V1_A", "a1"), rev("V2_B", "a1"))));
        assertEquals("duplicate revision id a1 in V1_A and V2_B — give one of them a new id", e.getMessage());
    }

    @Test
    void cycle() {
        var e = assertThrows(RevisionGraphException.class, () -> new RevisionGraph(List.of(
                rev("V1_A", "a1"), rev("V2_B", "b2", "a1", "c3"), rev("V3_C", "c3", "b2"))));
        assertEquals("revisions form a cycle: b2 -> c3 -> b2 — a revision cannot follow its own descendant;"
                + " fix the parent ids", e.getMessage());
    }

    @ParameterizedTest(name = "{0} {1} from [{2}]: {3}")
    @CsvSource(delimiter = '|', value = {
        "upgrade   | zzz    | ccc333 | no revision matches zzz — use head, base, +N, -N or an id from `autogen history`",
        "upgrade   | +2     | bbb222 | cannot upgrade 2 revisions: only 1 are not applied — use a smaller N or head",
        "upgrade   | -1     | ccc333 | upgrade cannot go back to -1 — use downgrade",
        "downgrade | -4     | ccc333 | cannot downgrade 4 revisions: only 3 are applied — use a smaller N or base",
        "downgrade | ccc333 | aaa111 | revision ccc333 is not applied, so downgrade cannot stop there — use upgrade to reach it",
        "downgrade | head   | aaa111 | downgrade cannot go forward to head — use upgrade",
        "downgrade | -x     | aaa111 | bad relative target -x — use +N or -N with N at least 1",
        "upgrade   | head   | dead01 | the database is at revision dead01, which no migration in this project declares — point autogen at the migrations that were applied",
    })
    void badTargets(String direction, String target, String current, String message) {
        var e = assertThrows(RevisionGraphException.class, () -> {
            if (direction.equals("upgrade")) {
                LINEAR.upgradePath(split(current), target);
            } else {
                LINEAR.downgradePath(split(current), target);
            }
        });
        assertEquals(message, e.getMessage());
    }

    @Test
    void ambiguousPrefix() {
        var graph = new RevisionGraph(List.of(rev("V1", "ab1"), rev("V2", "ab2", "ab1")));
        var e = assertThrows(RevisionGraphException.class, () -> graph.resolve("ab"));
        assertEquals("revision prefix ab is ambiguous (ab1, ab2) — type more of the id", e.getMessage());
    }

    private static List<String> split(String ids) {
        return ids == null || ids.isBlank() ? List.of() : List.of(ids.trim().split("\\s+"));
    }

    @Test
    void rowsAdvancedRevisionByRevisionEqualTheRowsRecomputedFromTheAppliedSet() {
        // two branches, a merge, a dependency across branches, and a revision after the merge
        RevisionGraph graph = new RevisionGraph(List.of(rev("V1_A", "a1"), rev("V2_B", "b2", "a1"),
                depends("V3_C", "c3", "a1", "b2"), rev("V4_D", "d4", "b2"), rev("V5_M", "m5", "c3", "d4"),
                rev("V6_E", "e6", "m5"), depends("V7_F", "f7", "a1", "e6")));
        List<String> rows = List.of();
        java.util.Set<String> applied = new java.util.HashSet<>();
        for (LoadedMigration m : graph.upgradePath(List.of(), "heads")) {
            List<String> advanced = graph.rowsAfterApplying(rows, applied, m.id());
            assertEquals(graph.headsAfterUpgrade(rows, m.id()), advanced, "after applying " + m.id());
            rows = advanced;
            applied.add(m.id());
        }
        assertEquals(List.of("e6", "f7"), rows);
        for (LoadedMigration m : graph.downgradePath(rows, "base")) {
            applied.remove(m.id());
            List<String> advanced = graph.rowsAfterReverting(rows, applied, m.id());
            assertEquals(graph.headsAfterDowngrade(rows, m.id()), advanced, "after reverting " + m.id());
            rows = advanced;
        }
        assertEquals(List.of(), rows);
    }
}
