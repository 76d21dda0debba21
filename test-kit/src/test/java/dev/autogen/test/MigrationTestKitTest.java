package dev.autogen.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.autogen.test.fixtures.Suites;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The kit can fail, and says why: it is run through JUnit's own {@link EngineTestKit} on fixture migration sets
 * ({@link Suites}), on real PostgreSQL and SQLite, and each broken set must fail exactly the tests its defect concerns,
 * with a message naming the revision and the difference; the sound set must pass every test.
 */
class MigrationTestKitTest {

    @Test
    void soundMigrationsPassEveryTestOnBothDatabases() {
        Outcomes outcomes = Outcomes.of(Suites.Good.class);
        assertEquals(Map.of(), outcomes.failed, outcomes.toString());
        assertEquals(Map.of(), outcomes.aborted, outcomes.toString());
        assertEquals(List.of(
                "one head",
                "PostgreSQL / upgrade base to head",
                "PostgreSQL / entities match the migrated schema (autogen check)",
                "PostgreSQL / Hibernate validates the migrated schema",
                "PostgreSQL / stairway: up, down, up per revision / V0001_Notes (a00000000001)",
                "PostgreSQL / stairway: up, down, up per revision / V0002_NoteBody (a00000000002)",
                "PostgreSQL / data migrations and column changes on a database holding rows / V0002_NoteBody (a00000000002)",
                "SQLite / upgrade base to head",
                "SQLite / entities match the migrated schema (autogen check)",
                "SQLite / Hibernate validates the migrated schema",
                "SQLite / stairway: up, down, up per revision / V0001_Notes (a00000000001)",
                "SQLite / stairway: up, down, up per revision / V0002_NoteBody (a00000000002)",
                "SQLite / data migrations and column changes on a database holding rows / V0002_NoteBody (a00000000002)"),
                outcomes.succeeded, outcomes.toString());
    }

    @Test
    void contractRevisionsAreAppliedAndWalkedLikeAnyOther() {
        Outcomes outcomes = Outcomes.of(Suites.Contract.class);
        assertEquals(Map.of(), outcomes.failed, outcomes.toString());
        assertEquals(Map.of(), outcomes.aborted, outcomes.toString());
        for (String database : List.of("PostgreSQL", "SQLite")) {
            assertTrue(outcomes.succeeded.contains(database + " / upgrade base to head"), outcomes.toString());
            assertTrue(outcomes.succeeded.contains(database + " / stairway: up, down, up per revision /"
                    + " V0002_DropLegacy (a00000000002)"), outcomes.toString());
        }
    }

    @Test
    void aDowngradeThatDoesNotRestoreAColumnFailsItsStairStepNamingTheColumn() {
        Outcomes outcomes = Outcomes.of(Suites.LossyDowngrade.class);
        String stairway = "stairway: up, down, up per revision / ";
        String step = stairway + "V0002_DropLegacy (a00000000002)";
        assertEquals(List.of("PostgreSQL / " + step, "SQLite / " + step), List.copyOf(outcomes.failed.keySet()),
                outcomes.toString());
        assertEquals("PostgreSQL: V0002_DropLegacy (a00000000002): downgrade did not restore the schema from before"
                        + " its upgrade (- before the upgrade, + after the downgrade):\n"
                        + "  - column notes.legacy character varying(20) null",
                outcomes.failed.get("PostgreSQL / " + step));
        assertTrue(outcomes.failed.get("SQLite / " + step).contains("  - column notes.legacy "),
                outcomes.failed.get("SQLite / " + step));
        // the database is in no known state after a failed step: the climb stops there
        assertEquals(Map.of(
                "PostgreSQL / " + stairway + "V0003_NoteBody (a00000000003)", "Assumption failed: the stairway stopped"
                        + " at V0002_DropLegacy (a00000000002), so V0003_NoteBody (a00000000003) was not tried",
                "SQLite / " + stairway + "V0003_NoteBody (a00000000003)", "Assumption failed: the stairway stopped"
                        + " at V0002_DropLegacy (a00000000002), so V0003_NoteBody (a00000000003) was not tried"),
                outcomes.aborted, outcomes.toString());
        assertTrue(outcomes.succeeded.contains("PostgreSQL / entities match the migrated schema (autogen check)"),
                outcomes.toString());
    }

    @Test
    void twoHeadsFailOneHeadNamingBoth() {
        Outcomes outcomes = Outcomes.of(Suites.TwoHeads.class);
        assertEquals("the migrations have 2 heads: V0002_NoteBody (a00000000002), V0002_TitleIndex (b00000000002)"
                + " — join them with autogen merge -m \"merge heads\"", outcomes.failed.get("one head"),
                outcomes.toString());
    }

    @Test
    void migrationsOutOfStepWithTheEntitiesFailCheckAndHibernateValidation() {
        Outcomes outcomes = Outcomes.of(Suites.OutOfStep.class);
        for (String database : List.of("PostgreSQL", "SQLite")) {
            assertEquals(database + ": at V0001_Notes (a00000000001) the entities differ from the migrated schema by 1"
                            + " operation (generate a migration with autogen -m MESSAGE):\n"
                            + "  AddColumn notes body varchar(200) null",
                    outcomes.failed.get(database + " / entities match the migrated schema (autogen check)"),
                    outcomes.toString());
            String hibernate = outcomes.failed.get(database + " / Hibernate validates the migrated schema");
            assertTrue(hibernate != null && hibernate.startsWith(database + ": at V0001_Notes (a00000000001)"
                    + " Hibernate's validation rejects the migrated schema: ") && hibernate.contains("body"),
                    outcomes.toString());
        }
        assertEquals(4, outcomes.failed.size(), outcomes.toString());
    }

    @Test
    void aDataMigrationThatBreaksOnRowsFailsOnlyOnRows() {
        Outcomes outcomes = Outcomes.of(Suites.RowsBreak.class);
        String rows = "data migrations and column changes on a database holding rows / V0003_ClearTitles (a00000000003)";
        assertEquals(List.of("PostgreSQL / " + rows, "SQLite / " + rows), List.copyOf(outcomes.failed.keySet()),
                outcomes.toString());
        for (String database : List.of("PostgreSQL", "SQLite")) {
            String message = outcomes.failed.get(database + " / " + rows);
            assertTrue(message.startsWith(database + ": V0003_ClearTitles (a00000000003): upgrade failed on a database"
                    + " holding rows (rows: authors 3, notes 3): "), message);
            // the empty database of the stairway never noticed
            assertTrue(outcomes.succeeded.contains(
                    database + " / stairway: up, down, up per revision / V0003_ClearTitles (a00000000003)"));
        }
    }

    @Test
    void branchesAndTheirMergeClimbTheStairwayEachRevisionAlone() {
        Outcomes outcomes = Outcomes.of(Suites.Merged.class);
        assertEquals(Map.of(), outcomes.failed, outcomes.toString());
        assertEquals(Map.of(), outcomes.aborted, outcomes.toString());
        for (String database : List.of("PostgreSQL", "SQLite")) {
            String stairway = database + " / stairway: up, down, up per revision / ";
            assertEquals(List.of(stairway + "V0001_Notes (a00000000001)", stairway + "V0002_NoteBody (a00000000002)",
                    stairway + "V0002_TitleIndex (b00000000002)", stairway + "V0003_Merge (a00000000003)"),
                    outcomes.succeeded.stream().filter(name -> name.startsWith(stairway)).toList());
        }
    }

    @Test
    void aSuiteMayPutRowsOfItsOwnBeforeADataMigration() {
        Suites.CustomRows.CALLS.clear();
        Outcomes outcomes = Outcomes.of(Suites.CustomRows.class);
        assertEquals(Map.of(), outcomes.failed, outcomes.toString());
        assertEquals(13, outcomes.succeeded.size(), outcomes.toString());
        assertEquals(List.of("a00000000002 PostgreSQL", "a00000000002 SQLite"), Suites.CustomRows.CALLS);
    }

    @Test
    void soundMigrationsPassEveryTestOnMariadb() {
        Outcomes outcomes = Outcomes.of(Suites.GoodOnMariadb.class);
        assertEquals(Map.of(), outcomes.failed, outcomes.toString());
        assertEquals(Map.of(), outcomes.aborted, outcomes.toString());
        assertEquals(List.of(
                "one head",
                "MariaDB / upgrade base to head",
                "MariaDB / entities match the migrated schema (autogen check)",
                "MariaDB / Hibernate validates the migrated schema",
                "MariaDB / stairway: up, down, up per revision / V0001_Notes (a00000000001)",
                "MariaDB / stairway: up, down, up per revision / V0002_NoteBody (a00000000002)",
                "MariaDB / data migrations and column changes on a database holding rows / V0002_NoteBody (a00000000002)"),
                outcomes.succeeded, outcomes.toString());
    }

    @Test
    void aDowngradeThatDoesNotRestoreAColumnFailsItsStairStepOnMariadb() {
        Outcomes outcomes = Outcomes.of(Suites.LossyDowngradeOnMariadb.class);
        String step = "MariaDB / stairway: up, down, up per revision / V0002_DropLegacy (a00000000002)";
        assertEquals(List.of(step), List.copyOf(outcomes.failed.keySet()), outcomes.toString());
        assertEquals("MariaDB: V0002_DropLegacy (a00000000002): downgrade did not restore the schema from before"
                        + " its upgrade (- before the upgrade, + after the downgrade):\n"
                        + "  - column notes.legacy varchar(20) null",
                outcomes.failed.get(step));
        assertEquals(List.of("MariaDB / stairway: up, down, up per revision / V0003_NoteBody (a00000000003)"),
                List.copyOf(outcomes.aborted.keySet()), outcomes.toString());
    }

    @Test
    void aSuiteWithoutTheAnnotationFailsSayingWhatToAdd() {
        Outcomes outcomes = Outcomes.of(Suites.Unannotated.class);
        assertEquals(1, outcomes.failed.size(), outcomes.toString());
        assertTrue(outcomes.failed.values().iterator().next().startsWith(Suites.Unannotated.class.getName()
                + " implements MigrationTestSuite without @MigrationTests: annotate it"), outcomes.toString());
    }

    /** What one run of the kit on a fixture suite reported: test paths below the factory, by outcome. */
    private record Outcomes(List<String> succeeded, Map<String, String> failed, Map<String, String> aborted) {
        static Outcomes of(Class<?> suite) {
            EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(suite))
                    .execute();
            List<String> succeeded = new ArrayList<>();
            Map<String, String> failed = new TreeMap<>();
            Map<String, String> aborted = new TreeMap<>();
            for (Event event : results.allEvents().finished().list()) {
                TestDescriptor descriptor = event.getTestDescriptor();
                TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
                boolean leaf = descriptor.isTest();
                switch (result.getStatus()) {
                    case SUCCESSFUL -> {
                        if (leaf) {
                            succeeded.add(path(descriptor));
                        }
                    }
                    case FAILED -> failed.put(path(descriptor),
                            result.getThrowable().map(Throwable::getMessage).orElse("(no message)"));
                    case ABORTED -> aborted.put(path(descriptor),
                            result.getThrowable().map(Throwable::getMessage).orElse("(no message)"));
                }
            }
            return new Outcomes(succeeded, failed, aborted);
        }

        /** The display names below the test factory, joined by " / " ("SQLite / upgrade base to head"). */
        private static String path(TestDescriptor descriptor) {
            List<String> names = new ArrayList<>();
            Optional<TestDescriptor> at = Optional.of(descriptor);
            while (at.isPresent() && !at.get().getDisplayName().equals("migrations()")) {
                names.addFirst(at.get().getDisplayName());
                at = at.get().getParent();
                if (at.isPresent() && at.get().getParent().isEmpty()) {
                    break;
                }
            }
            return String.join(" / ", names);
        }
    }
}
