package dev.autogen.migrate.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.LoadedMigration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the graph reads version rows around a squash s1 that replaces a1, b2, c3 (after p0, followed by d4): with the
 * originals in the code and without them. The same answers serve the migrator, validate, offline scripts and fleets.
 */
class SquashedGraphTest {
    private static LoadedMigration rev(String className, String id, String parent, String... replaces) {
        return new LoadedMigration(id, parent == null ? List.of() : List.of(parent), "m " + id,
                "migrations." + className, RevisionGraphTest.NOTHING, null, List.of(), Arrays.asList(replaces));
    }

    private static final List<LoadedMigration> SQUASHED = List.of(rev("V0000_P", "p0", null),
            rev("V0001_S", "s1", "p0", "a1", "b2", "c3"), rev("V0004_D", "d4", "s1"));
    private static final List<LoadedMigration> ORIGINALS = List.of(rev("V0001_A", "a1", "p0"),
            rev("V0002_B", "b2", "a1"), rev("V0003_C", "c3", "b2"));
    private static final RevisionGraph WITH_ORIGINALS = new RevisionGraph(concat(SQUASHED, ORIGINALS));
    private static final RevisionGraph WITHOUT_ORIGINALS = new RevisionGraph(SQUASHED);

    @ParameterizedTest(name = "upgrade {1} from [{0}] runs [{2}] with the originals, [{3}] without")
    @CsvSource(delimiter = '|', value = {
        "     | head | p0 s1 d4 | p0 s1 d4", // a fresh database runs only the squash
        "p0   | head | s1 d4    | s1 d4",
        "c3   | head | d4       | d4",       // at the last original: at the squash
        "s1   | head | d4       | d4",
        "b2   | head | c3 d4    | !",        // part-way: through the originals, or refused
        "a1   | b2   | b2       | !",
        "p0   | b2   | a1 b2    | s1",       // a target inside the squash: its original, or the squash
        "p0   | c3   | s1       | s1",       // the last original is the squash
    })
    void upgradePaths(String current, String target, String withOriginals, String withoutOriginals) {
        assertPath(withOriginals, () -> ids(WITH_ORIGINALS.upgradePath(split(current), target)));
        assertPath(withoutOriginals, () -> ids(WITHOUT_ORIGINALS.upgradePath(split(current), target)));
    }

    @ParameterizedTest(name = "downgrade {1} from [{0}] reverts [{2}] with the originals, [{3}] without")
    @CsvSource(delimiter = '|', value = {
        "d4 | p0   | d4 s1 | d4 s1",
        "c3 | p0   | s1    | s1",
        "d4 | a1   | d4 c3 b2 | d4",       // to an original: through the originals, or to the squash
        "b2 | base | b2 a1 p0 | !",
    })
    void downgradePaths(String current, String target, String withOriginals, String withoutOriginals) {
        assertPath(withOriginals, () -> ids(WITH_ORIGINALS.downgradePath(split(current), target)));
        assertPath(withoutOriginals, () -> ids(WITHOUT_ORIGINALS.downgradePath(split(current), target)));
    }

    @Test
    void rowsReadAsTheSquashAndMoveThroughTheOriginals() {
        assertEquals(List.of("s1"), WITH_ORIGINALS.position(List.of("c3")));
        assertEquals(List.of("b2"), WITH_ORIGINALS.position(List.of("b2")));
        assertEquals(List.of("b2"), WITHOUT_ORIGINALS.position(List.of("b2")), "unreadable: left as it is");
        assertEquals(List.of("c3"), WITH_ORIGINALS.headsAfterUpgrade(List.of("b2"), "c3"));
        assertEquals(List.of("d4"), WITH_ORIGINALS.headsAfterUpgrade(List.of("c3"), "d4"));
        assertEquals(List.of("b2"), WITH_ORIGINALS.headsAfterDowngrade(List.of("s1"), "c3"));
        assertEquals(List.of("p0"), WITH_ORIGINALS.headsAfterDowngrade(List.of("c3"), "s1"));
        assertTrue(WITH_ORIGINALS.ancestorsOf(List.of("d4")).containsAll(List.of("a1", "b2", "c3", "s1")));
        assertEquals(java.util.Map.of("c3", "s1"), WITH_ORIGINALS.adoptions(List.of("c3")));
        assertEquals(List.of("c3"), WITH_ORIGINALS.unfinishedSquashes(List.of("a1")));
        assertEquals(List.of(), WITHOUT_ORIGINALS.unfinishedSquashes(List.of("a1")));
        assertEquals(List.of("d4"), WITH_ORIGINALS.heads());
        assertEquals(List.of("p0", "s1", "d4"), ids(WITH_ORIGINALS.inOrder()));
    }

    @Test
    void aPartWayDatabaseWithoutTheOriginalsIsRefusedNamingTheLastIdItHolds() {
        RevisionGraphException refused = assertThrows(RevisionGraphException.class,
                () -> WITHOUT_ORIGINALS.upgradePath(List.of("b2"), "head"));
        assertEquals("the database is at revision b2, part-way through squash s1 (it holds a1, b2 of a1, b2, c3) and"
                + " the originals are no longer in this code: running s1 would repeat what it has — upgrade it to c3"
                + " with a release that still has the originals, then with this one", refused.getMessage());
        assertEquals(refused.getMessage(), WITHOUT_ORIGINALS.partWayProblem("b2"));
    }

    @Test
    void refusesASquashThatDoesNotFollowItsFirstOriginalOrAFollowerOfAMiddleOriginal() {
        assertThrows(RevisionGraphException.class, () -> new RevisionGraph(concat(List.of(rev("V0000_P", "p0", null),
                rev("V0001_S", "s1", null, "a1", "b2")), List.of(rev("V0001_A", "a1", "p0"),
                rev("V0002_B", "b2", "a1")))));
        RevisionGraphException middle = assertThrows(RevisionGraphException.class, () -> new RevisionGraph(
                concat(SQUASHED, List.of(rev("V0005_X", "x5", "b2")))));
        assertTrue(middle.getMessage().contains("x5 (V0005_X) follows or depends on b2, which squash s1 replaces"),
                middle.getMessage());
    }

    private static void assertPath(String expected, java.util.function.Supplier<List<String>> path) {
        if (expected.equals("!")) {
            assertThrows(RevisionGraphException.class, path::get);
        } else {
            assertEquals(split(expected), path.get());
        }
    }

    private static List<String> ids(List<LoadedMigration> migrations) {
        return migrations.stream().map(LoadedMigration::id).toList();
    }

    private static List<String> split(String ids) {
        return ids == null || ids.isBlank() ? List.of() : List.of(ids.strip().split("\\s+"));
    }

    private static List<LoadedMigration> concat(List<LoadedMigration> a, List<LoadedMigration> b) {
        List<LoadedMigration> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
