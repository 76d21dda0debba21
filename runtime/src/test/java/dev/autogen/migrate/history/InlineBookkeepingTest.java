package dev.autogen.migrate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bookkeeping statement the migrator sends in a PostgreSQL revision's DDL batch ({@link
 * VersionStore#moveHeadsAndRecordSql}), on real PostgreSQL: it moves the head and writes the history row, and its
 * inline values read back exactly, a hostile user name included, whatever {@code standard_conforming_strings} says.
 */
class InlineBookkeepingTest {
    private static final String HOSTILE = "O'Brien \\ x'); drop table autogen_version; --";

    @ParameterizedTest
    @ValueSource(strings = {"on", "off"})
    void movesTheHeadAndRecordsTheRowWithItsValuesIntact(String standardConformingStrings) throws Exception {
        String url = TestDatabases.freshPostgres("inline_bookkeeping");
        VersionStore store = new VersionStore(Dialect.POSTGRESQL);
        Instant at = Instant.parse("2026-11-22T03:50:12.345678Z");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("set standard_conforming_strings = " + standardConformingStrings);
            store.createIfMissing(c);
            st.execute(store.moveHeadsAndRecordSql(List.of(), List.of("aaa1"), "aaa1", HistoryEntry.UPGRADE,
                    "c0ffee", at, HOSTILE));
            c.setAutoCommit(false);
            st.execute(store.moveHeadsAndRecordSql(List.of("aaa1"), List.of("bbb2"), "bbb2", HistoryEntry.UPGRADE,
                    "beef", at, HOSTILE));
            c.commit();
            c.setAutoCommit(true);

            assertEquals(List.of("bbb2"), store.current(c));
            List<HistoryEntry> history = store.history(c);
            assertEquals(List.of("aaa1", "bbb2"), history.stream().map(HistoryEntry::revision).toList());
            HistoryEntry last = history.get(1);
            assertEquals(HOSTILE, last.appliedBy());
            assertEquals("beef", last.checksum());
            assertEquals(at, last.appliedAt());
            assertTrue(last.durationMs() >= 0 && last.success(), last.toString());
        }
    }

    /**
     * The time is written without a formatter ({@link VersionStore#isoInstant}), which leaves out zero seconds and a
     * zero fraction; PostgreSQL must read each form back as the same instant.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T03:50:00Z", "2026-11-22T03:50:12Z", "2026-11-22T03:50:12.100Z",
            "2026-11-22T03:50:12.000001Z", "1999-12-31T23:59:59.999999Z"})
    void theTimeReadsBackAsTheSameInstantWhateverItsPrecision(String instant) throws Exception {
        String url = TestDatabases.freshPostgres("inline_bookkeeping_time");
        VersionStore store = new VersionStore(Dialect.POSTGRESQL);
        Instant at = Instant.parse(instant);
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            store.createIfMissing(c);
            st.execute(store.moveHeadsAndRecordSql(List.of(), List.of("aaa1"), "aaa1", HistoryEntry.UPGRADE,
                    "c0ffee", at, "someone"));
            assertEquals(at, store.history(c).get(0).appliedAt());
        }
    }
}
