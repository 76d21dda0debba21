package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.review.MarkdownReview;
import dev.autogen.generator.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code autogen review} and {@code autogen erd} as a pull request sees them: the sample migrations reviewed in
 * Markdown (operations, hazards, explanations, diagrams, SQL), {@code --pending} against a real SQLite database, a
 * revision too big for a comment cut with a note, and the usage errors.
 */
class ReviewCliTest {
    private static final String MIGRATIONS =
            Path.of("..", "migrations", "src", "main", "java").toAbsolutePath().normalize().toString();
    private static final String NOWHERE = "jdbc:postgresql://nowhere.invalid/db";

    @Test
    void theHeadRevisionInMarkdownHasItsOperationsHazardsExplanationsDiagramsAndSql() {
        CliRun run = CliRun.of("--url", NOWHERE, "--migrations", MIGRATIONS, "review");
        assertEquals(0, run.exitCode(), run.toString());
        String md = run.out();
        assertTrue(md.startsWith("## autogen review: 1 revision\n"), md);
        assertTrue(md.contains("### `209336e70286` add phone"), md);
        assertTrue(md.contains("Parents: `04c351a8712d` · **head** · tables: `users`"), md);
        assertTrue(md.contains("- `AddColumn users phone varchar(16) null`"), md);
        assertTrue(md.contains("  - :warning: BLOCKS\\_WRITES: builds index ix\\_users\\_phone"), md);
        assertTrue(md.contains("  - :warning: DATA\\_LOSS: drops column users.phone and its values"), md);
        assertTrue(md.contains("  - because: users.phone: entity User.phone"), md);
        assertTrue(md.contains("        varchar(16) phone \"null, added\"\n"), md);
        assertTrue(md.contains("```sql\n-- 209336e70286 (add phone): upgrade statements for PostgreSQL\n"
                + "alter table \"users\" add column \"phone\" character varying(16);"), md);
        assertTrue(md.contains("upgrade statements for SQLite"), md);
        assertFalse(md.contains("Cut to fit"), md);
    }

    @Test
    void pendingReviewsWhatTheDatabaseHasNotApplied() throws IOException {
        String url = "jdbc:sqlite:" + ScratchDirectory.create("review-pending").resolve("app.db");
        CliRun upgrade = CliRun.of("--url", url, "--migrations", MIGRATIONS, "upgrade", "04c351a8712d");
        assertEquals(0, upgrade.exitCode(), upgrade.toString());
        CliRun run = CliRun.of("--url", url, "--migrations", MIGRATIONS, "review", "--pending");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("## autogen review: pending 1 revision\n"), run.toString());
        assertTrue(run.out().contains("### `209336e70286` add phone"), run.toString());
        assertFalse(run.out().contains("### `04c351a8712d`"), run.toString());
    }

    @Test
    void aRevisionTooBigForACommentIsCutWithANoteSayingWhatWasLeftOut() throws IOException {
        Path migrations = ScratchDirectory.create("review-huge");
        Path file = migrations.resolve("dev/autogen/huge/migrations/V0001_Huge.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, hugeMigration(250, 20));
        CliRun run = CliRun.of("--url", NOWHERE, "--migrations", migrations.toString(), "review", "0000000a0001");
        assertEquals(0, run.exitCode(), run.toString());
        String md = run.out();
        assertTrue(md.length() <= MarkdownReview.LIMIT, "length " + md.length());
        assertTrue(md.contains("- `CreateTable t000 (id bigint not null"), md.substring(0, 2000));
        assertTrue(md.contains("> **Cut to fit a pull-request comment (65536 characters).** Left out: "), tail(md));
        assertTrue(md.contains(" of 500 upgrade and downgrade operations of revision 0000000a0001; "), tail(md));
        assertTrue(md.contains("the diagrams of revision 0000000a0001; the PostgreSQL SQL of revision 0000000a0001"),
                tail(md));
        assertTrue(md.endsWith("The whole review: `autogen review --format html`.\n"), tail(md));
    }

    @Test
    void usageErrorsAreOneLineWithTheFix() {
        String both = CliRun.of("--url", NOWHERE, "--migrations", MIGRATIONS, "review", "head", "--pending")
                .assertOneLineError(2);
        assertTrue(both.contains("review takes either REV or --pending, not both"), both);
        String unknown = CliRun.of("--url", NOWHERE, "--migrations", MIGRATIONS, "review", "ffffff")
                .assertOneLineError(2);
        assertTrue(unknown.contains("ffffff"), unknown);
        String table = CliRun.of("--url", NOWHERE, "erd", "--tables", "users,nope").assertOneLineError(2);
        assertTrue(table.contains("no table nope in the entity model: --tables takes table names"), table);
    }

    @Test
    void erdDrawsTheChosenEntityTablesAsMermaidAndSvg() {
        CliRun mermaid = CliRun.of("--url", NOWHERE, "erd", "--tables", "users,user_identities");
        assertEquals(0, mermaid.exitCode(), mermaid.toString());
        assertTrue(mermaid.out().startsWith("erDiagram\n    t1[\"user_identities\"] {\n        uuid id PK\n"),
                mermaid.out());
        assertTrue(mermaid.out().contains("        varchar(16) phone \"null\"\n"), mermaid.out());
        assertTrue(mermaid.out().endsWith("    t2 ||--o{ t1 : \"user_id\"\n"), mermaid.out());
        assertFalse(mermaid.out().contains("tenants"), mermaid.out());
        CliRun svg = CliRun.of("--url", NOWHERE, "erd", "--format", "svg");
        assertEquals(0, svg.exitCode(), svg.toString());
        assertTrue(svg.out().startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"erd\""), svg.out());
        for (String table : new String[] {"agents", "executions", "organizations", "tenants", "user_identities", "users"}) {
            assertTrue(svg.out().contains("data-table=\"" + table + "\""), table);
        }
    }

    /** One revision creating {@code tables} tables of {@code columns} columns each (in a loop: a method's code is limited), and a downgrade dropping them. */
    private static String hugeMigration(int tables, int columns) {
        return """
                package dev.autogen.huge.migrations;

                import static dev.autogen.dsl.Dsl.*;

                import dev.autogen.dsl.SchemaChanges;
                import dev.autogen.migrate.Migration;
                import dev.autogen.migrate.Revision;

                @Revision(id = "0000000a0001", message = "huge")
                public final class V0001_Huge implements Migration {
                    @Override
                    public void upgrade(SchemaChanges schema) {
                        for (int t = 0; t < %1$d; t++) {
                            var spec = table(String.format("t%%03d", t)).column(column("id", bigint()));
                            for (int c = 0; c < %2$d; c++) {
                                spec = spec.column(column("column_" + c, varchar(100)).nullable());
                            }
                            schema.createTable(spec.primaryKey(String.format("pk_t%%03d", t), "id"));
                        }
                    }

                    @Override
                    public void downgrade(SchemaChanges schema) {
                        for (int t = %1$d - 1; t >= 0; t--) {
                            schema.dropTable(String.format("t%%03d", t));
                        }
                    }
                }
                """.formatted(tables, columns);
    }

    private static String tail(String text) {
        return text.substring(Math.max(0, text.length() - 3000));
    }
}
