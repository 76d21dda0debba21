package dev.autogen.sql.mariadb;

import static dev.autogen.dsl.Dsl.column;
import static dev.autogen.dsl.Dsl.integer;
import static dev.autogen.dsl.Dsl.text;
import static dev.autogen.dsl.Dsl.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.op.Operation;
import dev.autogen.schema.Schema;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The online form of MariaDB statements: {@code ALGORITHM=INPLACE, LOCK=NONE}, or none when MariaDB copies. */
class MariadbOnlineDdlTest {
    private static Optional<String> online(Operation operation) {
        String sql = new MariadbDdlRenderer().render(operation, Schema.EMPTY).getFirst().sql();
        return MariadbOnlineDdl.statement(operation, sql);
    }

    private static Operation op(java.util.function.Consumer<SchemaChanges> change) {
        SchemaChanges changes = new SchemaChanges();
        change.accept(changes);
        return changes.operations().getFirst();
    }

    @Test
    void alterTableAndIndexStatementsGetTheClauseInTheirOwnSyntax() {
        assertEquals(Optional.of("alter table `users` add column `age` int null, algorithm=inplace, lock=none"),
                online(op(s -> s.addColumn("users", column("age", integer()).nullable()))));
        assertEquals(Optional.of("create index `ix_users_name` on `users` (`name`) algorithm=inplace lock=none"),
                online(op(s -> s.createIndex("ix_users_name", "users", "name"))));
        assertEquals(Optional.of("drop index `ix_users_name` on `users` algorithm=inplace lock=none"),
                online(op(s -> s.dropIndex("ix_users_name", "users"))));
        // metadata only, and the statement takes no clause
        assertEquals(Optional.of("rename table `users` to `people`"), online(op(s -> s.renameTable("users", "people"))));
    }

    @Test
    void whatMariadbCopiesTheTableForHasNoOnlineForm() {
        assertEquals(Optional.empty(), online(op(s -> s.alterColumn("users", column("name", varchar(10)),
                column("name", text())))));
        assertEquals(Optional.empty(), online(op(s -> s.addCheckConstraint("users", "ck_users_age", "age >= 0"))));
    }
}
