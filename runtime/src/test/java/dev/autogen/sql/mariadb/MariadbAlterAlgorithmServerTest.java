package dev.autogen.sql.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.op.AlterColumn;
import dev.autogen.schema.Column;
import dev.autogen.schema.ColumnType;
import dev.autogen.schema.Schema;
import dev.autogen.testing.TestMariadb;
import dev.autogen.testing.TestSql;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@link MariadbAlterAlgorithm} claims of a column change, checked against a real MariaDB in each character set a
 * column may have (1, 3 and 4 bytes a character): a change it calls INSTANT is accepted with
 * {@code ALGORITHM=INSTANT} and keeps the InnoDB table id; one it calls an in-place rebuild is refused instantly,
 * accepted with {@code ALGORITHM=INPLACE, LOCK=NONE} (its online form), and gets a new table id; one it calls a copy is
 * refused in place by the server in at least one of them (the rule cannot know the column's character set, so it calls
 * a copy what one of them copies; it errs that way for some lengths the server widens in place in every one).
 */
class MariadbAlterAlgorithmServerTest {
    private static final List<String> CHARACTER_SETS = List.of("latin1", "utf8mb3", "utf8mb4");
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static String url;

    @BeforeAll
    static void database() {
        url = TestMariadb.fresh("alter_algorithm");
    }

    @ParameterizedTest(name = "varchar({0}) {1} -> varchar({2}) {3}: {4}")
    @CsvSource({
            // a longer varchar whose length prefix stays one byte in every character set (63 x 4 = 252 bytes)
            "10, null, 63, null, INSTANT",
            // ... or stays two bytes in every character set (256 x 1 > 255)
            "256, null, 400, null, INSTANT",
            "300, not null, 300, not null, INSTANT",
            // dropping or setting NOT NULL rebuilds the table, a longer varchar with it or not
            "40, not null, 40, null, INPLACE_REBUILD",
            "40, null, 40, not null, INPLACE_REBUILD",
            "20, null, 50, not null, INPLACE_REBUILD",
            // the length prefix grows: 240 to 400 bytes in utf8mb4, 192 to 900 in utf8mb3
            "60, null, 100, null, COPY",
            "64, null, 300, null, COPY",
            // shorter: every value is checked against the new length
            "100, null, 20, null, COPY",
    })
    void theServerDoesWhatTheAlgorithmClaims(int fromLength, String fromNull, int toLength, String toNull,
                                             MariadbAlterAlgorithm claimed) throws SQLException {
        Column from = new Column("c", new ColumnType.Varchar(fromLength), fromNull.equals("null"), null, false, null);
        Column to = new Column("c", new ColumnType.Varchar(toLength), toNull.equals("null"), null, false, null);
        assertEquals(claimed, MariadbAlterAlgorithm.of(new AlterColumn("t", "c", from, to)).orElseThrow().algorithm());

        List<String> copiedIn = new ArrayList<>();
        for (String characterSet : CHARACTER_SETS) {
            String table = "t" + TABLES.incrementAndGet();
            TestSql.execute(url, "create table " + table + " (id int primary key, c varchar(" + fromLength + ") "
                    + fromNull + ") default charset = " + characterSet, "insert into " + table + " values (1, 'x')");
            AlterColumn op = new AlterColumn(table, "c", from, to);
            String sql = new MariadbDdlRenderer().render(op, Schema.EMPTY).getFirst().sql();
            String id = tableId(table);
            switch (claimed) {
                case INSTANT -> {
                    TestSql.execute(url, sql + ", algorithm=instant");
                    assertEquals(id, tableId(table), characterSet + ": " + sql);
                }
                case INPLACE_REBUILD -> {
                    assertThrows(SQLException.class, () -> TestSql.execute(url, sql + ", algorithm=instant"));
                    TestSql.execute(url, MariadbOnlineDdl.statement(op, sql).orElseThrow());
                    assertNotEquals(id, tableId(table), characterSet + ": " + sql);
                }
                case COPY -> {
                    try {
                        TestSql.execute(url, sql + ", algorithm=inplace, lock=none");
                    } catch (SQLException refused) {
                        assertTrue(refused.getMessage().contains("ALGORITHM=COPY"), refused.getMessage());
                        copiedIn.add(characterSet);
                    }
                }
                case INPLACE -> throw new AssertionError("no column change builds an index");
            }
            if (claimed != MariadbAlterAlgorithm.COPY || !copiedIn.contains(characterSet)) {
                assertEquals(List.of("varchar(" + toLength + ") " + (to.nullable() ? "YES" : "NO")), TestSql.rows(url,
                        "select column_type, is_nullable from information_schema.columns where table_schema ="
                                + " database() and table_name = '" + table + "' and column_name = 'c'"));
            }
        }
        // a copy in at least one character set: the rule does not know the column's, so it says what it may cost
        assertEquals(claimed == MariadbAlterAlgorithm.COPY, !copiedIn.isEmpty(), "copied in " + copiedIn);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            // a value at the end: every row keeps its number
            "enum('FREE','PRO') | enum('FREE','PRO','ENTERPRISE') | INSTANT",
            // a value between, or one removed: rows are renumbered
            "enum('FREE','PRO') | enum('FREE','TRIAL','PRO') | COPY",
            "enum('FREE','TRIAL','PRO') | enum('FREE','PRO') | COPY",
    })
    void aNativeEnumGrowsInstantlyOnlyAtItsEnd(String fromType, String toType, MariadbAlterAlgorithm claimed)
            throws SQLException {
        Column from = new Column("c", new ColumnType.Native(fromType), true, null, false, null);
        Column to = new Column("c", new ColumnType.Native(toType), true, null, false, null);
        assertEquals(claimed, MariadbAlterAlgorithm.of(new AlterColumn("t", "c", from, to)).orElseThrow().algorithm());

        String table = "t" + TABLES.incrementAndGet();
        TestSql.execute(url, "create table " + table + " (id int primary key, c " + fromType + ")",
                "insert into " + table + " values (1, 'FREE')");
        String sql = new MariadbDdlRenderer().render(new AlterColumn(table, "c", from, to), Schema.EMPTY)
                .getFirst().sql();
        String id = tableId(table);
        if (claimed == MariadbAlterAlgorithm.INSTANT) {
            TestSql.execute(url, sql + ", algorithm=instant");
            assertEquals(id, tableId(table), sql);
        } else {
            SQLException refused = assertThrows(SQLException.class,
                    () -> TestSql.execute(url, sql + ", algorithm=inplace, lock=none"));
            assertTrue(refused.getMessage().contains("ALGORITHM=COPY"), refused.getMessage());
        }
    }

    private static String tableId(String table) throws SQLException {
        return TestSql.strings(url, "select table_id from information_schema.innodb_sys_tables"
                + " where name = concat(database(), '/', '" + table + "')").getFirst();
    }
}
