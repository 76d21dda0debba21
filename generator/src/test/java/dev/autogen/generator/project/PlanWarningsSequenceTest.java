package dev.autogen.generator.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.op.AlterSequence;
import dev.autogen.schema.Sequence;
import dev.autogen.sql.Dialect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A smaller sequence increment is safe for the sequence but not for a Hibernate pooled optimizer that still uses the
 * old allocation size: its id blocks would overlap those of instances with the new one. A larger one is safe.
 */
class PlanWarningsSequenceTest {
    @Test
    void onlyASmallerIncrementIsWarnedAbout() {
        Sequence by50 = new Sequence("invoice_seq", 1, 50);
        Sequence by10 = new Sequence("invoice_seq", 1, 10);
        assertEquals(Map.of(0, List.of("sequence invoice_seq: increment 50 -> 10; application instances still running"
                        + " with allocationSize 50 hand out ids that overlap the new ones: stop them before the upgrade")),
                PlanWarnings.of(List.of(new AlterSequence(by10, by50)), Dialect.POSTGRESQL));
        assertEquals(Map.of(), PlanWarnings.of(List.of(new AlterSequence(by50, by10)), Dialect.POSTGRESQL));
        assertEquals(Map.of(), PlanWarnings.of(List.of(new AlterSequence(new Sequence("invoice_seq", 1000, 50), by50)),
                Dialect.POSTGRESQL));
    }
}
