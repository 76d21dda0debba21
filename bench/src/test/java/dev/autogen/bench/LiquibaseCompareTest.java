package dev.autogen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiquibaseCompareTest {

    @Test
    void theConfigurationMapsEveryClassOfTheModelWithThePostgresDialect(@TempDir Path tmp) throws IOException {
        Path model = tmp.resolve("classes");
        Files.createDirectories(model.resolve("bench/model"));
        Files.write(model.resolve("bench/model/Entity0001.class"), new byte[0]);
        Files.write(model.resolve("bench/model/Entity0000.class"), new byte[0]);

        Path cfg = LiquibaseCompare.writeConfiguration(model, tmp.resolve("liquibase"));

        assertEquals(tmp.resolve("liquibase/hibernate.cfg.xml"), cfg);
        List<String> lines = Files.readAllLines(cfg).stream().map(String::strip).toList();
        assertEquals(List.of(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<!-- written by the benchmark (LiquibaseCompare): every entity of the model, for liquibase-hibernate -->",
                "<hibernate-configuration>",
                "<session-factory>",
                "<property name=\"hibernate.dialect\">org.hibernate.dialect.PostgreSQLDialect</property>",
                "<mapping class=\"bench.model.Entity0000\"/>",
                "<mapping class=\"bench.model.Entity0001\"/>",
                "</session-factory>",
                "</hibernate-configuration>"), lines);
    }

    @Test
    void theNoteSaysWhatTheDiffFoundAndWhereItsTimeWent() {
        String stdout = """
                phase jvm start (to main) 150
                phase setup, connections, hibernate metadata 7000
                DIFFERENCES 215
                differences changed catalog 1
                differences changed column 166
                phase changesets (as diff-changelog) 68
                CHANGES 0
                """;
        ColdRun.Result result = new ColdRun.Result(9000, 200_000, 0, stdout, "");

        assertEquals(215, LiquibaseCompare.total(result, "DIFFERENCES"));
        assertEquals(0, LiquibaseCompare.total(result, "CHANGES"));
        assertEquals("found 215 differences at head (1 changed catalog, 166 changed column); diff-changelog would "
                + "write 0 changes; phases of the last run: jvm start (to main) 150 ms, setup, connections, hibernate "
                + "metadata 7000 ms, changesets (as diff-changelog) 68 ms", LiquibaseCompare.note(result));
    }
}
