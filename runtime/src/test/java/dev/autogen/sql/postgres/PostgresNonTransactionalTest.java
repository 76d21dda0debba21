package dev.autogen.sql.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.op.ExecuteSql;
import dev.autogen.schema.Schema;
import dev.autogen.sql.postgres.PostgresNonTransactional.ConcurrentIndex;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which raw SQL PostgreSQL refuses inside a transaction, and which index a concurrent index statement names. */
class PostgresNonTransactionalTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            create index concurrently ix on t (a)                         | true
            CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "Ix" ON t (a)  | true
            /* unnamed */ create index concurrently on t (a)              | true
            drop index concurrently if exists s.ix                        | true
            reindex index concurrently ix                                 | true
            alter table p detach partition c concurrently                 | true
            vacuum analyze t                                              | true
            create database other                                         | true
            alter system set work_mem = '8MB'                             | true
            create index ix on t (a)                                      | false
            drop index ix                                                 | false
            alter table p detach partition c                              | false
            insert into t (note) values ('create index concurrently')     | false
            select 'vacuum'                                               | false
            commit                                                        | false
            """)
    void statementsPostgresRefusesInATransaction(String sql, boolean refused) {
        assertEquals(refused, PostgresNonTransactional.appliesTo(sql), sql);
        assertEquals(!refused, new PostgresDdlRenderer().render(new ExecuteSql(sql, null),
                Schema.EMPTY).getFirst().transactional());
    }

    @Test
    void concurrentIndexNames() {
        assertEquals(Optional.of(new ConcurrentIndex(true, null, "ix_a", false)),
                PostgresNonTransactional.concurrentIndex("create index concurrently IX_A on t (a)"));
        assertEquals(Optional.of(new ConcurrentIndex(true, "s", "Ix \"A\"", true)), PostgresNonTransactional
                .concurrentIndex("create unique index concurrently if not exists s.\"Ix \"\"A\"\"\" on t (a)"));
        assertEquals(Optional.of(new ConcurrentIndex(false, null, "ix_a", false)),
                PostgresNonTransactional.concurrentIndex("drop index concurrently ix_a cascade"));
        assertEquals(Optional.empty(), PostgresNonTransactional.concurrentIndex("create index concurrently on t (a)"));
        assertEquals(Optional.empty(), PostgresNonTransactional.concurrentIndex("drop index concurrently a, b"));
        assertEquals(Optional.empty(), PostgresNonTransactional.concurrentIndex("create index ix on t (a)"));
    }
}
