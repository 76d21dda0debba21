package dev.autogen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionChainBenchTest {
    @TempDir
    Path dir;

    @Test
    void theDdlOfAnOfflineScriptIsItsStatementsWithoutTransactionsAndVersionRows() {
        String script = """
                -- autogen upgrade base -> head for PostgreSQL, generated offline

                create table if not exists "autogen_version" ("revision" varchar(64) not null primary key);
                create table if not exists "autogen_history" ("id" bigint);

                -- upgrade c4a100000001 (create chain_0001): base -> c4a100000001
                BEGIN;
                create table "chain_0001" ("id" bigint);
                create index "ix_chain_0001_code" on "chain_0001" ("code");
                insert into "autogen_version" ("revision") values ('c4a100000001');
                insert into "autogen_history" ("revision") values ('c4a100000001');
                COMMIT;
                """;
        assertEquals(List.of("create table \"chain_0001\" (\"id\" bigint);",
                "create index \"ix_chain_0001_code\" on \"chain_0001\" (\"code\");"), RevisionChainBench.ddlOf(script));
    }

    @Test
    void theChainIsDeterministicAndEachRevisionFollowsTheOneBefore() throws Exception {
        new RevisionChain(3).writeTo(dir.resolve("a"));
        new RevisionChain(3).writeTo(dir.resolve("b"));
        Path second = dir.resolve("a/bench/chain/V0002_CreateChain0002.java");
        String source = Files.readString(second);
        assertEquals(source, Files.readString(dir.resolve("b/bench/chain/V0002_CreateChain0002.java")));
        assertTrue(source.contains("@Revision(id = \"c4a100000002\", parent = \"c4a100000001\""), source);
        assertTrue(source.contains("foreignKey(\"fk_chain_0002_previous_id_chain_0001\""), source);
    }
}
