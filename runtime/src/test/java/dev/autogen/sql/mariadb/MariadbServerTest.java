package dev.autogen.sql.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which server versions the MariaDB dialect accepts; the real server's is checked by every MariaDB test. */
class MariadbServerTest {
    @Test
    void acceptsMariadb1011AndNewer() {
        assertEquals(Optional.empty(), MariadbServer.refusal("10.11.19-MariaDB-0+deb12u1"));
        assertEquals(Optional.empty(), MariadbServer.refusal("11.4.2-MariaDB"));
        // MariaDB behind the old replication prefix
        assertEquals(Optional.empty(), MariadbServer.refusal("5.5.5-10.11.6-MariaDB-log"));
    }

    @Test
    void refusesMysqlNamingIt() {
        String refusal = MariadbServer.refusal("8.0.36").orElseThrow();
        assertTrue(refusal.contains("not MariaDB") && refusal.contains("8.0.36") && refusal.contains("MySQL"), refusal);
        assertTrue(MariadbServer.refusal("8.4.0-commercial").isPresent());
    }

    @Test
    void refusesOlderMariadb() {
        String refusal = MariadbServer.refusal("10.6.18-MariaDB").orElseThrow();
        assertTrue(refusal.contains("MariaDB 10.6 is too old"), refusal);
    }
}
