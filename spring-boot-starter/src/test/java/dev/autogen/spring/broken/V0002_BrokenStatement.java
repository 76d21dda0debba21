package dev.autogen.spring.broken;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.Migration;
import dev.autogen.migrate.Revision;

/** A revision whose second statement fails: start-up must stop, with the first statement rolled back. */
@Revision(id = "c0ffee0000b2", parent = "c0ffee000001", message = "broken")
public final class V0002_BrokenStatement implements Migration {
    @Override
    public void upgrade(SchemaChanges schema) {
        schema.execute("create table audit (id integer primary key)", "drop table audit");
        schema.execute("insert into no_such_table values (1)", "select 1");
    }

    @Override
    public void downgrade(SchemaChanges schema) {
        schema.execute("drop table audit");
    }
}
