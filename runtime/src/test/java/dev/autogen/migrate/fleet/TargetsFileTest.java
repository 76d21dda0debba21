package dev.autogen.migrate.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The targets file format: what a line means, and one clear message naming file:line for each kind of mistake. */
class TargetsFileTest {
    private static final Map<String, String> ENV = Map.of("EU_PASSWORD", "s3cret");

    @Test
    void readsEveryKindOfLine() {
        List<TargetSpec> specs = TargetsFile.parse("fleet.txt", List.of(
                "# three servers",
                "",
                "eu-1 jdbc:postgresql://db1:5432/app user=migrator password=${EU_PASSWORD} group=eu max-connections=4"
                        + " schemas=tenant_a,tenant_b",
                "  us-1 jdbc:postgresql://db2:5432/app ledger=autogen schemas-query=select nspname from pg_namespace where nspname"
                        + " like 'tenant\\_%' order by 1",
                "local jdbc:sqlite:/tmp/app.db"), ENV);

        assertEquals(3, specs.size());
        TargetSpec eu = specs.get(0);
        assertEquals("eu-1", eu.name());
        assertEquals("jdbc:postgresql://db1:5432/app", eu.url());
        assertEquals("migrator", eu.user());
        assertEquals("s3cret", eu.password());
        assertEquals("eu", eu.group());
        assertEquals(4, eu.maxConnections());
        assertEquals(List.of("tenant_a", "tenant_b"), eu.schemas());
        assertNull(eu.ledger(), "each tenant schema keeps its own versions unless ledger= says otherwise");
        assertEquals("autogen", specs.get(1).ledger());
        assertEquals("fleet.txt:3", eu.source());
        assertFalse(eu.toString().contains("s3cret"), "never the password: " + eu);
        assertEquals("select nspname from pg_namespace where nspname like 'tenant\\_%' order by 1",
                specs.get(1).schemasQuery());
        assertNull(specs.get(2).group());
        assertFalse(specs.get(2).hasSchemas());
    }

    @Test
    void eachMistakeNamesTheLineAndTheFix() {
        assertError("fleet.txt:1: target a: passwords are never written in the targets file: export it in an environment variable", "a jdbc:postgresql://h/d password=hunter2");
        assertError("fleet.txt:1: target a: environment variable NOPE is not set: export it before running",
                "a jdbc:postgresql://h/d password=${NOPE}");
        assertError("fleet.txt:1: target a: the URL carries a password", "a jdbc:postgresql://h/d?password=x");
        assertError("fleet.txt:2: target a is already named on line 1: give each target its own name",
                "a jdbc:postgresql://h/d", "a jdbc:postgresql://h/e");
        assertError("fleet.txt:1: unknown setting colour=red: the settings are user=.., password=.., group=..,"
                + " max-connections=.., ledger=.., schemas=.., schemas-query=..", "a jdbc:postgresql://h/d colour=red");
        assertError("fleet.txt:1: target a: ledger=autogen keeps tenant schemas' versions, and this line names none:"
                + " add schemas= or schemas-query=", "a jdbc:postgresql://h/d ledger=autogen");
        assertError("fleet.txt:1: target a: ledger= names no schema: give the schema to keep the tenants' versions"
                + " in, e.g. ledger=autogen", "a jdbc:postgresql://h/d ledger= schemas=x");
        assertError("fleet.txt:1: max-connections=0 is not a whole number of at least 1",
                "a jdbc:postgresql://h/d max-connections=0");
        assertError("fleet.txt:1: a target needs a name and a JDBC URL first", "jdbc:postgresql://h/d");
        assertError("fleet.txt:1: target a: the second word must be a JDBC URL", "a postgres://h/d");
        assertError("fleet.txt:1: target a: give schemas= or schemas-query=, not both",
                "a jdbc:postgresql://h/d schemas=x schemas-query=select 1");
        assertError("fleet.txt:1: the schemas query must be one statement",
                "a jdbc:postgresql://h/d schemas-query=select 1; drop table t");
        assertError("fleet.txt:1: target a: schemas need PostgreSQL", "a jdbc:sqlite:/tmp/x.db schemas=x");
        assertError("fleet.txt:1: schemas=x,,y has an empty or repeated name", "a jdbc:postgresql://h/d schemas=x,,y");
        assertError("fleet.txt: no targets: write one a line", "# nothing yet");
    }

    private static void assertError(String expectedStart, String... lines) {
        TargetsFileException e = assertThrows(TargetsFileException.class,
                () -> TargetsFile.parse("fleet.txt", List.of(lines), ENV));
        assertEquals(expectedStart, e.getMessage().substring(0, Math.min(e.getMessage().length(),
                expectedStart.length())), e.getMessage());
    }
}
