package dev.autogen.sql.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.migrate.SchemaInterpreter;
import dev.autogen.op.AlterSequence;
import dev.autogen.op.CreateSequence;
import dev.autogen.op.Operation;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Sequence;
import dev.autogen.sql.Statement;
import dev.autogen.sql.sqlite.SqliteDdlRenderer;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestSql;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A changed sequence is altered in place: on a real PostgreSQL the ids already handed out are never handed out again,
 * and the catalog's start and increment become the new ones.
 */
class PostgresSequencesTest {
    private static final PostgresDdlRenderer RENDERER = new PostgresDdlRenderer();
    private static final Sequence BY_TEN = new Sequence("invoice_seq", 1000, 10);
    private static final Sequence BY_FIFTY_FROM_5000 = new Sequence("invoice_seq", 5000, 50);

    @Test
    void rendersOnlyTheChangedClausesAndNothingOnSqlite() {
        assertEquals(List.of("alter sequence \"invoice_seq\" increment by 50"),
                sql(new AlterSequence(new Sequence("invoice_seq", 1000, 50), BY_TEN)));
        assertEquals(List.of("alter sequence \"invoice_seq\" start with 5000"),
                sql(new AlterSequence(new Sequence("invoice_seq", 5000, 10), BY_TEN)));
        assertEquals(List.of("alter sequence \"invoice_seq\" increment by 50 start with 5000"),
                sql(new AlterSequence(BY_FIFTY_FROM_5000, BY_TEN)));
        assertEquals(List.of("alter sequence \"we\"\"ird\" increment by 1 start with 1"),
                sql(new AlterSequence(new Sequence("we\"ird", 1, 1), new Sequence("we\"ird", 1, 1))));
        assertEquals(List.of(), new SqliteDdlRenderer().render(new AlterSequence(BY_FIFTY_FROM_5000, BY_TEN),
                Schema.EMPTY));
        assertEquals(new AlterSequence(BY_TEN, BY_FIFTY_FROM_5000), new AlterSequence(BY_FIFTY_FROM_5000, BY_TEN)
                .reverse());
        assertEquals(List.of(BY_FIFTY_FROM_5000), SchemaInterpreter.applyAll(Schema.EMPTY,
                List.of(new CreateSequence(BY_TEN), new AlterSequence(BY_FIFTY_FROM_5000, BY_TEN))).sequences());
    }

    @Test
    void alteringKeepsTheCurrentValueSoNoIdIsHandedOutTwice() throws SQLException {
        String url = TestDatabases.freshPostgres("pg_sequences");
        run(url, new CreateSequence(BY_TEN));
        TestSql.execute(url, "select nextval('invoice_seq')", "select nextval('invoice_seq')");
        assertEquals(List.of("1010"), TestSql.strings(url, "select last_value from invoice_seq"));

        AlterSequence alter = new AlterSequence(BY_FIFTY_FROM_5000, BY_TEN);
        run(url, alter);
        assertEquals(List.of("5000 50"), TestSql.strings(url, "select start_value || ' ' || increment_by"
                + " from pg_sequences where sequencename = 'invoice_seq'"));
        assertEquals(List.of("1060"), TestSql.strings(url, "select nextval('invoice_seq')"));

        run(url, alter.reverse());
        assertEquals(List.of("1000 10"), TestSql.strings(url, "select start_value || ' ' || increment_by"
                + " from pg_sequences where sequencename = 'invoice_seq'"));
        assertEquals(List.of("1070"), TestSql.strings(url, "select nextval('invoice_seq')"));
    }

    private static List<String> sql(Operation operation) {
        return RENDERER.render(operation, Schema.EMPTY).stream().map(Statement::sql).toList();
    }

    private static void run(String url, Operation operation) throws SQLException {
        TestSql.execute(url, sql(operation).toArray(String[]::new));
    }
}
