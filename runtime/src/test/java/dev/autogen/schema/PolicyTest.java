package dev.autogen.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Restrictive policies were added after migrations with permissive ones were applied: those must fingerprint alike. */
class PolicyTest {
    @Test
    void aPermissivePolicyPrintsAsBeforeTheKindWasModelled() {
        Policy permissive = new Policy("tenant_isolation", PolicyCommand.ALL, List.of("app"), "tenant_id = 1", null);
        assertEquals(new Policy("tenant_isolation", PolicyCommand.ALL, List.of("app"), "tenant_id = 1", null, false),
                permissive);
        assertEquals("Policy[name=tenant_isolation, command=ALL, roles=[app], using=tenant_id = 1, withCheck=null]",
                permissive.toString());
        Policy restrictive = new Policy("tenant_isolation", PolicyCommand.ALL, List.of("app"), "tenant_id = 1", null,
                true);
        assertNotEquals(permissive, restrictive);
        assertEquals("Policy[name=tenant_isolation, command=ALL, roles=[app], using=tenant_id = 1, withCheck=null,"
                + " restrictive=true]", restrictive.toString());
    }
}
