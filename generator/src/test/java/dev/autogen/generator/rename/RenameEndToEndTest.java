package dev.autogen.generator.rename;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.cli.AutogenCommand;
import dev.autogen.generator.diff.Rename;
import dev.autogen.generator.testing.CliRun;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * Renames through the command line, on real PostgreSQL and SQLite, with a row in the table throughout: declared with
 * {@code @RenamedFrom} they become {@code renameTable}/{@code renameColumn} and keep the data both ways; undeclared,
 * a non-interactive run keeps drop + add and says "possible rename" (printed, and above the drop in the migration),
 * and a confirmed prompt turns it into a rename.
 */
class RenameEndToEndTest {
    private static final String BEFORE = "dev.autogen.generator.rename.before";
    private static final String HINTED = "dev.autogen.generator.rename.hinted";
    private static final String UNHINTED = "dev.autogen.generator.rename.unhinted";
    private static final String CONTACT = "dev.autogen.generator.rename.contact";
    private static final String WARNING =
            "possible rename: customer.phone_no -> customer.phone (add @RenamedFrom(\"phone_no\") to keep the data)";

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void declaredRenamesKeepTheRowsAndReverse(Dialect dialect) throws Exception {
        Project project = Project.initial(dialect, "rename_hinted");

        CliRun drift = project.cli(HINTED, "check");
        assertEquals(1, drift.exitCode(), drift.toString());
        assertTrue(drift.out().contains("RenameTable customer -> client"), drift.toString());
        assertTrue(drift.out().contains("RenameColumn client phone_no -> phone"), drift.toString());
        assertFalse(drift.out().contains("DropColumn"), drift.toString());

        CliRun generate = project.cli(HINTED, "-m", "rename customer", "--rev-id", "bbbbbbbbbbb2");
        assertEquals(0, generate.exitCode(), generate.toString());
        String source = Files.readString(project.migrations.resolve("rename/migrations/V0002_RenameCustomer.java"));
        assertTrue(source.contains("schema.renameTable(\"customer\", \"client\");"), source);
        assertTrue(source.contains("schema.renameColumn(\"client\", \"phone_no\", \"phone\");"), source);
        assertFalse(source.contains("dropColumn") || source.contains("dropTable"), source);

        assertEquals(0, project.cli(HINTED, "upgrade").exitCode());
        assertEquals(List.of("1|Ada|555-0100"), project.rows("select id, full_name, phone from client"));
        assertEquals(List.of("10|1"), project.rows("select id, customer_id from purchase"));
        CliRun clean = project.cli(HINTED, "check");
        assertEquals(0, clean.exitCode(), clean.toString());

        CliRun downgrade = project.cli(HINTED, "downgrade", "-1");
        assertEquals(0, downgrade.exitCode(), downgrade.toString());
        assertEquals(List.of("1|Ada|555-0100"), project.rows("select id, full_name, phone_no from customer"));
        CliRun cleanBefore = project.cli(BEFORE, "check");
        assertEquals(1, cleanBefore.exitCode(), cleanBefore.toString()); // behind the head, but no entity drift
        assertFalse(cleanBefore.out().contains("entities differ"), cleanBefore.toString());
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void undeclaredRenameIsWarnedUnlessConfirmed(Dialect dialect) throws Exception {
        Project project = Project.initial(dialect, "rename_unhinted");

        CliRun diff = project.cli(UNHINTED, "diff");
        assertEquals(0, diff.exitCode(), diff.toString());
        assertTrue(diff.out().contains("  ! DATA_LOSS: " + WARNING + "\n  DropColumn customer phone_no"), diff.toString());
        assertTrue(diff.out().contains("AddColumn customer phone varchar(20) null"), diff.toString());
        CliRun check = project.cli(UNHINTED, "check");
        assertEquals(1, check.exitCode(), check.toString());
        assertTrue(check.out().contains("  ! DATA_LOSS: " + WARNING), check.toString());

        // non-interactive (no terminal in the test JVM): drop + add, with the warning above the drop
        CliRun dropAndAdd = project.cli(UNHINTED, "-m", "phone", "--rev-id", "ccccccccccc2");
        assertEquals(0, dropAndAdd.exitCode(), dropAndAdd.toString());
        assertTrue(dropAndAdd.out().contains("  ! DATA_LOSS: " + WARNING), dropAndAdd.toString());
        Path written = project.migrations.resolve("rename/migrations/V0002_Phone.java");
        String source = Files.readString(written);
        assertTrue(source.contains("// hazard DATA_LOSS: " + WARNING + "\n        schema.dropColumn(\"customer\", column(\"phone_no\""),
                source);
        Files.delete(written);

        // the developer answers yes: a rename, and the row keeps its phone
        List<String> questions = new ArrayList<>();
        CliRun renamed = project.cli(rename -> questions.add(rename.question()), UNHINTED, "-m", "phone",
                "--rev-id", "ccccccccccc3");
        assertEquals(0, renamed.exitCode(), renamed.toString());
        assertEquals(List.of("Did you rename customer.phone_no to customer.phone? [y/N] "), questions);
        source = Files.readString(written);
        assertTrue(source.contains("schema.renameColumn(\"customer\", \"phone_no\", \"phone\");"), source);
        assertFalse(source.contains("possible rename") || source.contains("dropColumn"), source);
        assertEquals(0, project.cli(UNHINTED, "upgrade").exitCode());
        assertEquals(List.of("1|Ada|555-0100"), project.rows("select id, full_name, phone from customer"));
        CliRun clean = project.cli(UNHINTED, "check");
        assertEquals(0, clean.exitCode(), clean.toString());
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void aHandMadeTableIsNeverOfferedAsARename(Dialect dialect) throws Exception {
        Project project = Project.initial(dialect, "rename_unmanaged");
        try (Connection connection = DriverManager.getConnection(project.url());
             Statement statement = connection.createStatement()) {
            statement.execute("create table old_contact (id bigint primary key, full_name varchar(120) not null,"
                    + " phone_no varchar(20))");
            statement.execute("insert into old_contact values (7, 'Grace', '555-0199')");
        }

        // a new entity's table looks like the hand-made one, but no migration created that: nothing is asked
        List<String> questions = new ArrayList<>();
        CliRun generate = project.cli(rename -> questions.add(rename.question()), CONTACT, "-m", "contacts",
                "--rev-id", "ddddddddddd2");
        assertEquals(0, generate.exitCode(), generate.toString());
        assertEquals(List.of(), questions);
        assertTrue(generate.out().contains("unmanaged table old_contact: no entity maps it and no migration created"
                + " it; left alone"), generate.toString());
        String source = Files.readString(project.migrations.resolve("rename/migrations/V0002_Contacts.java"));
        String upgrade = source.substring(0, source.indexOf("public void downgrade"));
        assertTrue(upgrade.contains("schema.createTable(table(\"contact\")"), source);
        assertFalse(source.contains("renameTable") || upgrade.contains("dropTable"), source);

        assertEquals(0, project.cli(CONTACT, "upgrade").exitCode());
        assertEquals(List.of("7|Grace|555-0199"), project.rows("select id, full_name, phone_no from old_contact"));
        assertEquals(List.of(), project.rows("select id from contact"));
        assertEquals(0, project.cli(CONTACT, "check").exitCode());
    }

    /** A database migrated to the "before" entities, holding customer 1 and purchase 10. */
    private record Project(String url, Path migrations) {
        static Project initial(Dialect dialect, String hint) throws Exception {
            String url = switch (dialect) {
                case POSTGRESQL -> TestDatabases.freshPostgres(hint);
                case SQLITE -> TestDatabases.freshSqlite(hint);
                case MARIADB -> throw new UnsupportedOperationException("MariaDB runs in its own tests");
            };
            Path migrations = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), hint);
            Project project = new Project(url, migrations);
            CliRun initial = project.cli(BEFORE, "-m", "initial", "--rev-id", "aaaaaaaaaaa1");
            assertEquals(0, initial.exitCode(), initial.toString());
            assertEquals(0, project.cli(BEFORE, "upgrade").exitCode());
            try (Connection connection = DriverManager.getConnection(url);
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate("insert into customer (id, full_name, phone_no) values (1, 'Ada', '555-0100')");
                statement.executeUpdate("insert into purchase (id, customer_id) values (10, 1)");
            }
            return project;
        }

        CliRun cli(String packages, String... args) {
            return cli(null, packages, args);
        }

        /** The command line in process, with {@code prompt} answering rename questions (null: the terminal's). */
        CliRun cli(RecordingPrompt prompt, String packages, String... args) {
            List<String> all = new ArrayList<>(List.of("--url", url, "--migrations", migrations.toString(),
                    "--migrations-package", "rename.migrations", "--packages", packages));
            all.addAll(List.of(args));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine commandLine = AutogenCommand.commandLine(prompt == null ? null : rename -> {
                prompt.asked(rename);
                return true;
            });
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            int code = commandLine.execute(all.toArray(String[]::new));
            return new CliRun(code, out.toString(), err.toString());
        }

        List<String> rows(String query) throws SQLException {
            List<String> rows = new ArrayList<>();
            try (Connection connection = DriverManager.getConnection(url);
                 Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery(query)) {
                int count = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= count; i++) {
                        values.add(result.getString(i));
                    }
                    rows.add(String.join("|", values));
                }
            }
            return rows;
        }
    }

    /** A prompt that answers yes and remembers what it was asked. */
    @FunctionalInterface
    private interface RecordingPrompt {
        void asked(Rename rename);
    }
}
